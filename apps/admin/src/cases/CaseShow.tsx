import { useState } from 'react';
import {
  Link,
  Show,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Grid,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { allowedEvents } from '@gazette/domain';
import { TransitionDialog } from './TransitionDialog.tsx';
import type { CaseEventType } from '../dataProvider/cases.ts';
import { CorrectStepDialog } from './CorrectStepDialog.tsx';
import { useFormatters } from '../shared/fields.tsx';
import type { CaseRecord } from '../dataProvider/resources.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { APPLICATION_FORM, formPrintPath, noticePrintPath } from './PrintSheet.tsx';

export type { CaseRecord } from '../dataProvider/resources.ts';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack direction="row" spacing={2} sx={{ py: 0.5 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 120 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Stack>
  );
}

/**
 * The 审批表 the case has reached and its 申请书 template (附件1、2、3、6、8), each with a print
 * button; their names and order are the API's (the domain's definitions).
 */
function CaseForms({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const { data, error } = useQuery({
    queryKey: ['cases', 'forms', caseId],
    queryFn: () => dataProvider.caseForms(caseId),
  });
  const forms = [
    ...(data?.applicationForm
      ? [
          {
            kind: APPLICATION_FORM,
            name: `${data.applicationForm.annex} ${data.applicationForm.title}`,
          },
        ]
      : []),
    ...(data?.approvalForms ?? []).map((f) => ({ kind: f.kind, name: `${f.annex} ${f.label}` })),
  ];
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="case-forms">
      <CardContent>
        <Typography variant="subtitle1">{translate('cases.approvalForms')}</Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {forms.map((f) => (
          <Stack key={f.kind} direction="row" spacing={1} alignItems="center" sx={{ py: 0.5 }}>
            <Typography variant="body2" sx={{ flex: 1 }}>
              {f.name}
            </Typography>
            <Button
              size="small"
              component={Link}
              to={formPrintPath(caseId, f.kind)}
              data-testid={`print-form-${f.kind}`}
            >
              {translate('cases.print')}
            </Button>
          </Stack>
        ))}
      </CardContent>
    </Card>
  );
}

function CaseBody() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const notify = useNotify();
  const fmt = useFormatters();
  const { canAccess: canMove } = useCanAccess({ resource: 'cases', action: 'edit' });
  const [open, setOpen] = useState<CaseEventType | null>(null);
  const [correcting, setCorrecting] = useState(false);
  if (!record) return null;
  const f = (k: string) => translate(`resources.cases.fields.${k}`);
  const events = allowedEvents(record.state);
  const latest = record.events?.length ? record.events[record.events.length - 1] : undefined;
  const timeline = [
    { key: 'filed', on: record.filedOn, text: translate('cases.filed') },
    ...(record.events ?? []).map((e) => ({
      key: `e${e.seq}`,
      on: e.on,
      text: `${translate(`enums.CaseEventType.${e.type}`)}：${translate(`enums.CaseState.${e.fromState}`)} → ${translate(`enums.CaseState.${e.toState}`)}`,
    })),
    ...(record.notices ?? []).map((n) => ({
      key: n.number,
      on: n.issuedOn,
      text: `${translate(`enums.NoticeKind.${n.kind}`)} ${n.number}`,
    })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 2 }} flexWrap="wrap">
        <Typography variant="h6">{record.caseName}</Typography>
        <Chip
          label={translate(`enums.CaseState.${record.state}`)}
          color="primary"
          data-testid="case-state"
        />
        {record.overdue && <Chip color="error" label={translate('cases.overdue')} />}
        {record.keySupervision && (
          <Chip color="warning" label={translate('resources.cases.fields.keySupervision')} />
        )}
      </Stack>
      {canMove && events.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mb: 2 }} flexWrap="wrap" useFlexGap>
          {events.map((t) => (
            <Button
              key={t}
              variant="contained"
              size="small"
              onClick={() => setOpen(t)}
              data-testid={`transition-${t}`}
            >
              {translate(`enums.CaseEventType.${t}`)}
            </Button>
          ))}
        </Stack>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card variant="outlined">
            <CardContent>
              {record.caseNumber && <Row label={f('caseNumber')}>{record.caseNumber}</Row>}
              <Row label={f('subjectName')}>{record.subjectName}</Row>
              {record.handler && <Row label={f('handler')}>{record.handler}</Row>}
              {record.department && <Row label={f('department')}>{record.department}</Row>}
              {record.contactName && <Row label={f('contactName')}>{record.contactName}</Row>}
              {record.contactPhone && <Row label={f('contactPhone')}>{record.contactPhone}</Row>}
              {record.caseFiledOn && (
                <Row label={f('caseFiledOn')}>{fmt.date(record.caseFiledOn)}</Row>
              )}
              <Row label={f('trigger')}>{translate(`enums.CaseTrigger.${record.trigger}`)}</Row>
              <Row label={f('filedOn')}>{fmt.date(record.filedOn)}</Row>
              {record.reviewMode && (
                <Row label={f('reviewMode')}>
                  {translate(`enums.ReviewMode.${record.reviewMode}`)}
                </Row>
              )}
              {record.reviewDays !== null && <Row label={f('reviewDays')}>{record.reviewDays}</Row>}
              {record.acceptedOn && (
                <Row label={f('acceptedOn')}>{fmt.date(record.acceptedOn)}</Row>
              )}
              {record.reviewDeadline && (
                <Row label={f('reviewDeadline')}>{fmt.date(record.reviewDeadline)}</Row>
              )}
              {record.conditionsMet?.length > 0 && (
                <Row label={f('conditionsMet')}>
                  {record.conditionsMet
                    .map((c) => translate(`enums.ReviewCondition.${c}`))
                    .join('、')}
                </Row>
              )}
              {record.exclusions?.length > 0 && (
                <Row label={f('exclusions')}>
                  {record.exclusions.map((c) => translate(`enums.ReviewExclusion.${c}`)).join('、')}
                </Row>
              )}
              {record.rejectionReason && (
                <Row label={f('rejectionReason')}>{record.rejectionReason}</Row>
              )}
              {record.terminationReason && (
                <Row label={f('terminationReason')}>
                  {translate(`enums.TerminationReason.${record.terminationReason}`)}
                </Row>
              )}
              {record.passed !== null && (
                <Row label={f('passed')}>
                  {translate(record.passed ? 'cases.passed' : 'cases.failed')}
                </Row>
              )}
              {record.decision && (
                <Row label={f('decision')}>
                  {translate(`enums.CaseDecision.${record.decision}`)}
                </Row>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="subtitle1">{translate('cases.timeline')}</Typography>
              <Box
                component="ol"
                sx={{ pl: 2, borderLeft: '2px solid', borderColor: 'divider', listStyle: 'none' }}
                data-testid="case-timeline"
              >
                {timeline.map((t) => (
                  <li key={t.key}>
                    <Typography variant="body2">
                      <strong>{fmt.date(t.on)}</strong> {t.text}
                    </Typography>
                  </li>
                ))}
              </Box>
              {canMove && latest && (
                <Button size="small" onClick={() => setCorrecting(true)} data-testid="correct-step">
                  {translate('cases.correctStep')}
                </Button>
              )}
            </CardContent>
          </Card>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="subtitle1">{translate('cases.notices')}</Typography>
              {(record.notices ?? []).length === 0 && (
                <Typography variant="body2" color="text.secondary">
                  {translate('cases.noNotices')}
                </Typography>
              )}
              {(record.notices ?? []).map((n) => (
                <Stack
                  key={n.number}
                  direction="row"
                  spacing={1}
                  alignItems="center"
                  sx={{ py: 0.5 }}
                >
                  <Typography variant="body2" sx={{ flex: 1 }}>
                    {translate(`enums.NoticeKind.${n.kind}`)} {n.number}（{fmt.date(n.issuedOn)}）
                  </Typography>
                  <Button
                    size="small"
                    component={Link}
                    to={noticePrintPath(String(record.id), n.kind)}
                    data-testid={`print-${n.kind}`}
                  >
                    {translate('cases.print')}
                  </Button>
                </Stack>
              ))}
            </CardContent>
          </Card>
          <CaseForms caseId={String(record.id)} />
        </Grid>
      </Grid>
      {correcting && latest && (
        <CorrectStepDialog
          caseId={record.id}
          version={record.version}
          step={{ ...latest, note: latest.payload?.note ?? null }}
          onClose={() => setCorrecting(false)}
          onDone={() => {
            setCorrecting(false);
            notify('cases.corrected', { type: 'success' });
            refresh();
          }}
        />
      )}
      {open && (
        <TransitionDialog
          caseId={record.id}
          type={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            notify('cases.moved', { type: 'success' });
            refresh();
          }}
        />
      )}
    </Box>
  );
}

export function CaseShow() {
  return (
    <Show actions={false}>
      <CaseBody />
    </Show>
  );
}
