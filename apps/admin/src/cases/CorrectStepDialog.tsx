import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { TextField } from '@mui/material';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { FormDialog, useSubmit } from '../shared/FormDialog.tsx';
import { StepDateField } from './StepDateField.tsx';

interface Step {
  seq: number;
  type: string;
  on: string;
  note?: string | null;
}

/**
 * Corrects the latest step's date or note, with a reason (the API re-checks the step, recomputes
 * the review deadline and the notices' date, and writes the correction to the audit log).
 */
export function CorrectStepDialog({
  caseId,
  version,
  step,
  onClose,
  onDone,
}: {
  caseId: string;
  version: number;
  step: Step;
  onClose: () => void;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const [on, setOn] = useState(step.on);
  const [note, setNote] = useState(step.note ?? '');
  const [reason, setReason] = useState('');
  const unchanged = on === step.on && note === (step.note ?? '');
  const { submit, busy, error } = useSubmit(
    () =>
      dataProvider.correctCaseEvent(caseId, version, {
        seq: step.seq,
        on,
        ...(note !== (step.note ?? '') && { note }),
        reason,
      }),
    onDone,
  );

  return (
    <FormDialog
      title={`${translate('cases.correctStep')}：${translate(`enums.CaseEventType.${step.type}`)}`}
      onClose={onClose}
      testId="correct-step-dialog"
      error={error}
      submit={{
        label: translate('ra.action.confirm'),
        onClick: () => void submit(),
        disabled: busy || unchanged || !reason.trim(),
        testId: 'correct-submit',
      }}
    >
      <StepDateField value={on} onChange={setOn} testId="correct-on" />
      <TextField
        margin="dense"
        fullWidth
        label={translate('cases.stepNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <TextField
        margin="dense"
        fullWidth
        required
        label={translate('cases.correctReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        inputProps={{ 'data-testid': 'correct-reason' }}
      />
    </FormDialog>
  );
}
