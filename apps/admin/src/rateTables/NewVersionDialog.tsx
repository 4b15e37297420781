import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { addDays } from '@gazette/domain';
import { createVersionFrom, type ApiRateVersion } from './api.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { useFormatters } from '../shared/fields.tsx';
import { today } from '../shared/today.ts';

/** "New version from date …": copies the chosen version into a draft effective from that date. */
export function NewVersionDialog({ open, base, onClose, onCreated }: { open: boolean; base: ApiRateVersion | undefined; onClose: () => void; onCreated: (v: ApiRateVersion) => void }) {
  const translate = useTranslate();
  const fmt = useFormatters();
  const [effectiveFrom, setEffectiveFrom] = useState(addDays(today(), 1));
  const [effectiveTo, setEffectiveTo] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  async function create() {
    if (!base) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await createVersionFrom({ tableId: base.tableId, basedOnId: base.id, effectiveFrom, ...(effectiveTo ? { effectiveTo } : {}), ...(label ? { label } : {}) }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={open} onClose={onClose} data-testid="new-version-dialog">
      <DialogTitle>{translate('rates.newVersion')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('rates.newVersionHelp', { from: base ? fmt.date(base.effectiveFrom) : '' })}</DialogContentText>
        <TextField autoFocus margin="dense" type="date" fullWidth label={translate('resources.rateTableVersions.fields.effectiveFrom')} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} InputLabelProps={{ shrink: true }} inputProps={{ 'data-testid': 'new-version-date' }} />
        <TextField margin="dense" type="date" fullWidth label={translate('resources.rateTableVersions.fields.effectiveTo')} helperText={translate('rates.effectiveToHelp')} value={effectiveTo} onChange={(e) => setEffectiveTo(e.target.value)} InputLabelProps={{ shrink: true }} />
        <TextField margin="dense" fullWidth label={translate('resources.rateTableVersions.fields.label')} value={label} onChange={(e) => setLabel(e.target.value)} />
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !base} onClick={create} data-testid="new-version-create">{translate('ra.action.create')}</Button>
      </DialogActions>
    </Dialog>
  );
}
