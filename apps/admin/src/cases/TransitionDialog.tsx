import { useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  Alert,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  CASE_DECISIONS,
  REVIEW_CONDITIONS,
  REVIEW_EXCLUSIONS,
  REVIEW_MODES,
  TERMINATION_REASONS,
  addDays,
  addMonths,
  isLenientDecision,
  maxReviewDays,
  type CaseDecision,
} from '@gazette/domain';
import type { CaseEvent, CaseEventType } from '../dataProvider/cases.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { FormDialog, useSubmit } from '../shared/FormDialog.tsx';
import { useFormatters } from '../shared/fields.tsx';
import { today } from '../shared/today.ts';
import { StepDateField } from './StepDateField.tsx';

/** The form one transition needs, per 泸市监规发〔2024〕2号; nothing else is sent. */
export function TransitionDialog({
  caseId,
  type,
  onClose,
  onDone,
}: {
  caseId: string;
  type: CaseEventType;
  onClose: () => void;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const fmt = useFormatters();
  const dataProvider = useGazetteDataProvider();
  const [on, setOn] = useState(today());
  const [reviewMode, setReviewMode] = useState<NonNullable<CaseEvent['reviewMode']>>('INTERNAL');
  const [reviewDays, setReviewDays] = useState(30);
  const [conditions, setConditions] = useState<NonNullable<CaseEvent['conditionsMet']>>([]);
  const [exclusions, setExclusions] = useState<NonNullable<CaseEvent['exclusions']>>([]);
  const [reason, setReason] = useState('');
  const [passed, setPassed] = useState<'true' | 'false'>('true');
  // No decision is preselected: 不予处罚 must be a choice, never a default.
  const [decision, setDecision] = useState<CaseDecision | ''>('');

  // 第十三条: the review lasts at most two calendar months from acceptance.
  const maxDays = maxReviewDays(on);
  const acceptBlocked =
    type === 'ACCEPT' && (conditions.length < REVIEW_CONDITIONS.length || exclusions.length > 0);
  const daysBad = type === 'ACCEPT' && (reviewDays < 1 || reviewDays > maxDays);
  const toggle = <T extends string>(list: T[], v: T) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

  function event(): CaseEvent {
    switch (type) {
      case 'ACCEPT':
        return { type, on, reviewMode, reviewDays, conditionsMet: conditions, exclusions };
      case 'REJECT':
        return { type, on, reason };
      case 'TERMINATE':
        return { type, on, reason };
      case 'RECORD_RESULT':
        return { type, on, passed: passed === 'true' };
      case 'DECIDE':
        return { type, on, decision: decision || null };
      default:
        return { type, on };
    }
  }

  const { submit, busy, error } = useSubmit(
    () => dataProvider.transitionCase(caseId, event()),
    onDone,
  );

  const missingReason = (type === 'REJECT' || type === 'TERMINATE') && !reason.trim();
  const missingDecision = type === 'DECIDE' && !decision;
  return (
    <FormDialog
      title={translate(`enums.CaseEventType.${type}`)}
      onClose={onClose}
      testId={`transition-dialog-${type}`}
      error={error}
      submit={{
        label: translate('ra.action.confirm'),
        onClick: () => void submit(),
        disabled: busy || acceptBlocked || daysBad || missingReason || missingDecision,
        testId: 'transition-submit',
      }}
    >
      <StepDateField value={on} onChange={setOn} testId="transition-on" />
      {type === 'ACCEPT' && (
        <Stack spacing={1} sx={{ mt: 1 }}>
          <TextField
            select
            size="small"
            label={translate('resources.cases.fields.reviewMode')}
            value={reviewMode}
            onChange={(e) => setReviewMode(e.target.value as typeof reviewMode)}
          >
            {REVIEW_MODES.map((m) => (
              <MenuItem key={m} value={m}>
                {translate(`enums.ReviewMode.${m}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            type="number"
            label={translate('resources.cases.fields.reviewDays')}
            value={reviewDays}
            onChange={(e) => setReviewDays(Number(e.target.value))}
            error={daysBad}
            inputProps={{ min: 1, max: maxDays, 'data-testid': 'review-days' }}
            helperText={translate('cases.reviewDaysHelp', {
              max: maxDays,
              latest: fmt.date(addMonths(on, 2)),
              deadline: reviewDays > 0 ? fmt.date(addDays(on, reviewDays)) : '—',
            })}
          />
          <FormLabel>{translate('cases.conditionsTitle')}</FormLabel>
          <FormGroup>
            {REVIEW_CONDITIONS.map((c) => (
              <FormControlLabel
                key={c}
                control={
                  <Checkbox
                    checked={conditions.includes(c)}
                    onChange={() => setConditions(toggle(conditions, c))}
                    inputProps={{ 'data-testid': `condition-${c}` } as never}
                  />
                }
                label={translate(`enums.ReviewCondition.${c}`)}
              />
            ))}
          </FormGroup>
          <FormLabel>{translate('cases.exclusionsTitle')}</FormLabel>
          <FormGroup>
            {REVIEW_EXCLUSIONS.map((x) => (
              <FormControlLabel
                key={x}
                control={
                  <Checkbox
                    checked={exclusions.includes(x)}
                    onChange={() => setExclusions(toggle(exclusions, x))}
                  />
                }
                label={translate(`enums.ReviewExclusion.${x}`)}
              />
            ))}
          </FormGroup>
          {acceptBlocked && <Alert severity="warning">{translate('cases.acceptBlocked')}</Alert>}
        </Stack>
      )}
      {type === 'REJECT' && (
        <TextField
          fullWidth
          margin="dense"
          multiline
          label={translate('cases.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      {type === 'TERMINATE' && (
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('cases.terminationReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        >
          {TERMINATION_REASONS.map((r) => (
            <MenuItem key={r} value={r}>
              {translate(`enums.TerminationReason.${r}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {type === 'RECORD_RESULT' && (
        <RadioGroup
          row
          value={passed}
          onChange={(e) => setPassed(e.target.value as 'true' | 'false')}
        >
          <FormControlLabel value="true" control={<Radio />} label={translate('cases.passed')} />
          <FormControlLabel value="false" control={<Radio />} label={translate('cases.failed')} />
        </RadioGroup>
      )}
      {type === 'DECIDE' && (
        <>
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate('resources.cases.fields.decision')}
            value={decision}
            onChange={(e) => setDecision(e.target.value as CaseDecision)}
            helperText={decision ? undefined : translate('cases.chooseDecision')}
            inputProps={{ 'data-testid': 'decision' }}
          >
            {CASE_DECISIONS.map((d) => (
              <MenuItem key={d} value={d}>
                {translate(`enums.CaseDecision.${d}`)}
              </MenuItem>
            ))}
          </TextField>
          {decision && isLenientDecision(decision) && (
            <Typography variant="body2" color="warning.main">
              {translate('cases.keySupervisionNote')}
            </Typography>
          )}
        </>
      )}
    </FormDialog>
  );
}
