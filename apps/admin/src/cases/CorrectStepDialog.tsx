import { useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';

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
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const unchanged = on === step.on && note === (step.note ?? '');

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.correctCaseEvent(caseId, version, {
        seq: step.seq,
        on,
        ...(note !== (step.note ?? '') && { note }),
        reason,
      });
      onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="correct-step-dialog">
      <DialogTitle>
        {translate('cases.correctStep')}：{translate(`enums.CaseEventType.${step.type}`)}
      </DialogTitle>
      <DialogContent>
        <TextField
          margin="dense"
          type="date"
          label={translate('cases.on')}
          value={on}
          onChange={(e) => setOn(e.target.value)}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'correct-on' }}
        />
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
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || unchanged || !reason.trim()}
          data-testid="correct-submit"
        >
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
