import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { addDays } from '@gazette/domain';
import type { ApiRateVersion } from '../dataProvider/rateTables.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { versionDateErrors, type DatesPolicy } from './versionDates.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormatters } from '../shared/fields.tsx';
import { today } from '../shared/today.ts';

/**
 * "New version from date …": copies the chosen version into a draft effective from that date.
 * With `editing`, the same form changes that draft's dates instead. The dates publishing would
 * refuse are refused here, on the field, before anything is sent.
 */
export function NewVersionDialog({
  open,
  base,
  tableId,
  editing,
  policy,
  onClose,
  onCreated,
}: {
  open: boolean;
  base: ApiRateVersion | undefined;
  /** Without a base (a table with no version yet), the draft starts empty. */
  tableId?: string;
  editing?: ApiRateVersion;
  policy: DatesPolicy | undefined;
  onClose: () => void;
  onCreated: (v: ApiRateVersion) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const fmt = useFormatters();
  const [effectiveFrom, setEffectiveFrom] = useState(addDays(today(), 1));
  const [effectiveTo, setEffectiveTo] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!open) return;
    setTouched(false);
    setError(null);
    if (editing) {
      setEffectiveFrom(editing.effectiveFrom);
      setEffectiveTo(editing.effectiveTo ?? '');
      setLabel(editing.label ?? '');
    }
  }, [open, editing]);
  const now = today();
  const errors = versionDateErrors(effectiveFrom, effectiveTo, policy, now);
  const say = (e: [string, Record<string, string>?] | undefined) =>
    e
      ? translate(
          e[0],
          Object.fromEntries(
            Object.entries(e[1] ?? {}).map(([k, v]) => [
              k,
              /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmt.date(v) : v,
            ]),
          ),
        )
      : undefined;
  const fromError = touched ? say(errors.effectiveFrom) : undefined;
  const toError = touched ? say(errors.effectiveTo) : undefined;
  async function submit() {
    setTouched(true);
    if (errors.effectiveFrom || errors.effectiveTo) return;
    setBusy(true);
    setError(null);
    try {
      if (editing)
        onCreated(
          await dataProvider.updateRateTableVersionDates(editing, {
            effectiveFrom,
            effectiveTo: effectiveTo || null,
          }),
        );
      else if (base || tableId)
        onCreated(
          await dataProvider.createRateTableVersion({
            tableId: base?.tableId ?? tableId!,
            ...(base ? { basedOnId: base.id } : {}),
            effectiveFrom,
            ...(effectiveTo ? { effectiveTo } : {}),
            ...(label ? { label } : {}),
          }),
        );
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      data-testid={editing ? 'edit-version-dialog' : 'new-version-dialog'}
    >
      <DialogTitle>{translate(editing ? 'rates.editDates' : 'rates.newVersion')}</DialogTitle>
      <DialogContent>
        {!editing && base && (
          <DialogContentText>
            {translate('rates.newVersionHelp', { from: fmt.date(base.effectiveFrom) })}
          </DialogContentText>
        )}
        {!editing && !base && (
          <DialogContentText data-testid="new-version-empty">
            {translate('rateMatrix.noBase')}
          </DialogContentText>
        )}
        <TextField
          autoFocus
          margin="dense"
          type="date"
          fullWidth
          required
          label={translate('resources.rateTableVersions.fields.effectiveFrom')}
          value={effectiveFrom}
          onChange={(e) => setEffectiveFrom(e.target.value)}
          error={!!fromError}
          helperText={fromError && <span data-testid="new-version-date-error">{fromError}</span>}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'new-version-date', min: now }}
        />
        <TextField
          margin="dense"
          type="date"
          fullWidth
          label={translate('resources.rateTableVersions.fields.effectiveTo')}
          error={!!toError}
          helperText={
            toError ? (
              <span data-testid="new-version-end-error">{toError}</span>
            ) : (
              translate('rates.effectiveToHelp')
            )
          }
          value={effectiveTo}
          onChange={(e) => setEffectiveTo(e.target.value)}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'new-version-end' }}
        />
        {!editing && (
          <TextField
            margin="dense"
            fullWidth
            label={translate('resources.rateTableVersions.fields.label')}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        )}
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy || (!editing && !base && !tableId)}
          onClick={submit}
          data-testid="new-version-create"
        >
          {translate(editing ? 'ra.action.save' : 'ra.action.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
