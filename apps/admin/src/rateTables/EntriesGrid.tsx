import { useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useErrorText } from '../shared/errorText.ts';
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
} from '@mui/material';
import type { DimensionDef } from '@gazette/domain';
import type { ApiRateEntry } from '../dataProvider/rateTables.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { conflictFromError, reportConflict } from '../shared/ConflictDialog.tsx';
import { formatMoney, formatPercent } from '../shared/format.ts';

function dimLabel(dims: DimensionDef[], name: string, value: string) {
  return dims.find((d) => d.name === name)?.values.find((v) => v.value === value)?.label ?? value;
}

/** One cell edited in place; saved on Enter or leaving the cell, pessimistically (no undo window). */
function EditableCell({
  entry,
  field,
  editable,
  onSaved,
  onReload,
  percent = true,
}: {
  entry: ApiRateEntry;
  field: 'amount' | 'rate';
  editable: boolean;
  onSaved: (e: ApiRateEntry) => void;
  onReload: () => void;
  percent?: boolean;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Why the typed value is not saved: a bad number (at once, nothing sent) or the server's refusal.
  const [serverError, setServerError] = useState<string | null>(null);
  const errorText = useErrorText();
  // One save at a time: Enter then blur must not send the same stale version twice.
  const inFlight = useRef(false);
  const value = entry[field];
  const shown = field === 'amount' ? formatMoney(value) : percent ? formatPercent(value) : value;
  const typed = draft?.trim() ?? null;
  const badNumber = typed !== null && typed !== (value ?? '') && !/^\d+(\.\d+)?$/.test(typed);
  const shownError = badNumber ? translate('rates.badNumber') : serverError;
  if (!editable || value === null)
    return (
      <TableCell align="right" data-testid={`entry-${field}-${entry.key}`}>
        {shown}
      </TableCell>
    );

  async function save() {
    if (inFlight.current) return;
    if (draft === null || draft.trim() === (value ?? '')) {
      setServerError(null);
      return setDraft(null);
    }
    // Shown on the cell already; a bad number is never sent.
    if (badNumber) return;
    setSaving(true);
    inFlight.current = true;
    try {
      onSaved(await dataProvider.updateRateEntry(entry, { [field]: draft.trim() }));
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
      setDraft(null);
      setServerError(null);
    } catch (error) {
      const conflict = conflictFromError(error, 'rateEntries', entry.id);
      if (conflict)
        reportConflict({
          ...conflict,
          reload: () => {
            setDraft(null);
            setServerError(null);
            onReload();
          },
        });
      else setServerError(errorText(error));
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  }

  return (
    <TableCell align="right" sx={{ py: 0.25 }}>
      <Tooltip title={translate('rates.editHint')}>
        <TextField
          size="small"
          variant="standard"
          InputProps={{ readOnly: saving }}
          value={draft ?? value ?? ''}
          onChange={(e) => {
            setDraft(e.target.value);
            setServerError(null);
          }}
          error={!!shownError}
          helperText={
            shownError && (
              <span data-testid={`entry-${field}-error-${entry.key}`}>{shownError}</span>
            )
          }
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') {
              setDraft(null);
              setServerError(null);
            }
          }}
          inputProps={{
            'data-testid': `entry-${field}-${entry.key}`,
            inputMode: 'decimal',
            style: { textAlign: 'right', width: 90 },
          }}
        />
      </Tooltip>
    </TableCell>
  );
}

export function EntriesGrid({
  entries,
  dimensions,
  editable,
  onSaved,
  onReload,
  valueField = 'amount',
}: {
  entries: ApiRateEntry[];
  dimensions: DimensionDef[];
  editable: boolean;
  onSaved: (e: ApiRateEntry) => void;
  onReload: () => void;
  valueField?: 'amount' | 'rate';
}) {
  const translate = useTranslate();
  // A coefficient table (年期修正系数) has no amounts: its one value column is the coefficient.
  const hasAmount = valueField === 'amount';
  const hasRate = valueField === 'rate' || entries.some((e) => e.rate !== null);
  return (
    <TableContainer sx={{ maxHeight: 'calc(100vh - 300px)', minHeight: 200 }}>
      <Table size="small" stickyHeader data-testid="entries-grid">
        <TableHead>
          <TableRow>
            {dimensions.map((d) => (
              <TableCell key={d.name}>{d.label}</TableCell>
            ))}
            <TableCell>{translate('resources.rateEntries.fields.name')}</TableCell>
            <TableCell>{translate('resources.rateEntries.fields.unit')}</TableCell>
            {hasAmount && (
              <TableCell align="right">
                {translate('resources.rateEntries.fields.amount')}
              </TableCell>
            )}
            {hasRate && (
              <TableCell align="right" data-testid="entries-rate-header">
                {translate(
                  hasAmount ? 'resources.rateEntries.fields.rate' : 'rateMatrix.valueCoefficient',
                )}
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e) => (
            <TableRow key={e.id} hover>
              {dimensions.map((d) => (
                <TableCell key={d.name}>
                  {dimLabel(dimensions, d.name, e.dimensions?.[d.name] ?? '')}
                </TableCell>
              ))}
              <TableCell sx={{ maxWidth: 240 }}>{e.name}</TableCell>
              <TableCell>{e.unit}</TableCell>
              {hasAmount && (
                <EditableCell
                  entry={e}
                  field="amount"
                  editable={editable}
                  onSaved={onSaved}
                  onReload={onReload}
                />
              )}
              {hasRate && (
                <EditableCell
                  entry={e}
                  field="rate"
                  editable={editable}
                  onSaved={onSaved}
                  onReload={onReload}
                  percent={hasAmount}
                />
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
