import { useParams, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Box, Typography } from '@mui/material';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import type { ApplicationForm, ApprovalForm } from '../dataProvider/cases.ts';
import { APPLICATION_FORM, PrintSheet, TITLE_FONT } from './PrintSheet.tsx';

const BORDER = '1px solid black';
/** Heights of the rows left for writing, as the annexes leave room for them. */
const ROW_HEIGHT: Record<number, string> = { 2: '78mm', 3: '42mm', 4: '42mm', 5: '18mm' };

function Signature({ row }: { row: ApprovalForm['rows'][number] }) {
  if (!row.signer && !row.dateLine) return null;
  return (
    <Box
      sx={{ display: 'flex', justifyContent: 'flex-end', gap: '2em', mt: 'auto', pt: 1 }}
      data-testid="form-signature"
    >
      {row.signer && (
        <span>
          {row.signer}：{row.signerName ?? '\u3000\u3000\u3000\u3000'}
        </span>
      )}
      {row.dateLine && <span>{row.dateLine}</span>}
    </Box>
  );
}

/** An 审批表 as its annex prints it: a two-line title over one bordered table. */
function ApprovalSheet({ form }: { form: ApprovalForm }) {
  return (
    <>
      <Typography
        component="h1"
        sx={{ fontFamily: TITLE_FONT, fontSize: '20pt', textAlign: 'center', lineHeight: 1.5 }}
        data-testid="form-title"
      >
        {form.issuer}
        <br />
        {form.title}
      </Typography>
      <Box
        component="table"
        sx={{ width: '100%', borderCollapse: 'collapse', mt: 3, fontSize: '14pt' }}
        data-testid="form-table"
      >
        <tbody>
          {form.rows.map((row, i) => (
            <tr key={row.label} data-testid="form-row">
              <Box
                component="th"
                scope="row"
                sx={{
                  border: BORDER,
                  width: '32mm',
                  p: '2mm',
                  fontWeight: 'normal',
                  textAlign: 'center',
                  verticalAlign: 'middle',
                }}
              >
                {row.label}
              </Box>
              <Box
                component="td"
                sx={{ border: BORDER, p: '2mm 4mm', verticalAlign: 'top', height: ROW_HEIGHT[i] }}
              >
                <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: ROW_HEIGHT[i] }}>
                  {row.text && (
                    <Box sx={{ textIndent: i === 2 ? '2em' : 0, textAlign: 'justify' }}>
                      {row.text}
                    </Box>
                  )}
                  <Signature row={row} />
                </Box>
              </Box>
            </tr>
          ))}
        </tbody>
      </Box>
    </>
  );
}

/** 附件1: the application letter for the subject to complete and sign. */
function ApplicationSheet({ form }: { form: ApplicationForm }) {
  return (
    <>
      <Typography
        component="h1"
        sx={{ fontFamily: TITLE_FONT, fontSize: '22pt', textAlign: 'center', mb: 3 }}
        data-testid="form-title"
      >
        {form.title}
      </Typography>
      <Typography sx={{ font: 'inherit' }}>{form.addressee}：</Typography>
      {form.paragraphs.map((p, i) => (
        <Box key={i}>
          <Typography sx={{ font: 'inherit', textIndent: '2em', textAlign: 'justify' }}>
            {p.text}
          </Typography>
          {Array.from({ length: p.blankLines }, (_, j) => (
            <Box key={j} sx={{ borderBottom: '1px solid black', height: '1.8em' }} />
          ))}
        </Box>
      ))}
      <Box sx={{ mt: 8, textAlign: 'right', pr: '2em' }} data-testid="form-signature">
        <Typography sx={{ font: 'inherit' }}>
          {form.applicantLabel}：{form.applicant}
        </Typography>
        <Typography sx={{ font: 'inherit' }}>{form.dateLine}</Typography>
      </Box>
    </>
  );
}

/**
 * The 审批表 (附件2、3、6、8) and the 申请书 (附件1) of a case on an A4 page, as the API renders
 * them from the case (`DiscretionCase.approvalForms`, `applicationForm`).
 */
export function ApprovalFormPrint() {
  const { id = '', kind } = useParams<{ id: string; kind: string }>();
  const caseId = decodeURIComponent(id);
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const { data, isPending, error } = useQuery({
    queryKey: ['cases', 'forms', caseId],
    queryFn: () => dataProvider.caseForms(caseId),
  });
  const application = kind === APPLICATION_FORM ? data?.applicationForm : undefined;
  const approval = data?.approvalForms.find((f) => f.kind === kind);
  const title =
    kind === APPLICATION_FORM
      ? translate('cases.applicationForm')
      : translate(`enums.ApprovalFormKind.${kind}`);
  return (
    <PrintSheet
      title={title}
      state={isPending ? 'loading' : application || approval ? 'ready' : 'missing'}
      error={error}
      testId="form-page"
      padding={approval ? '25mm 22mm 20mm 25mm' : undefined}
    >
      {approval && <ApprovalSheet form={approval} />}
      {application && <ApplicationSheet form={application} />}
    </PrintSheet>
  );
}
