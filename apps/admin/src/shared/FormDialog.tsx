// The dashboard's small form dialogs (correct a step, record a transition, assign or resolve a
// review task, replay a webhook): a title, the form, the API's error, then cancel and confirm.
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * Runs a dialog's request: `busy` while it runs, `onDone` once it succeeded, its error kept for
 * the dialog to show (and cleared when tried again).
 */
export function useSubmit<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
  onDone: () => void,
) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(...args: A) {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
      onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return { submit, busy, error, setError };
}

export function FormDialog({
  title,
  onClose,
  maxWidth = 'sm',
  testId,
  error,
  submit,
  children,
}: {
  title: ReactNode;
  /** Cancel, Escape and a click outside. */
  onClose: () => void;
  maxWidth?: 'xs' | 'sm';
  testId?: string;
  error: Error | null;
  submit: { label: string; onClick: () => void; disabled?: boolean; testId?: string };
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} maxWidth={maxWidth} fullWidth data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {children}
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          onClick={submit.onClick}
          disabled={submit.disabled}
          data-testid={submit.testId}
        >
          {submit.label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
