import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import {
  Autocomplete,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import {
  ROUND_COUNTS,
  type InspectionRound,
  type PolicyChoice,
  type RoundCount,
  type RoundFigures,
} from '../dataProvider/compliance.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { parseQuarter } from './quarters.ts';
import { fieldErrors, type Field } from './roundErrors.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';

type Values = Record<Exclude<Field, 'policyId'>, string>;

/** How the 通报 groups its figures (泸市府室发〔2024〕34号 一). */
const GROUPS: { title: string; fields: RoundCount[] }[] = [
  {
    title: 'dashboard.round.websites',
    fields: ['cityPortalsChecked', 'districtPortalsChecked', 'departmentSitesChecked'],
  },
  {
    title: 'dashboard.round.newMedia',
    fields: [
      'newMediaAccountsChecked',
      'newMediaDistricts',
      'newMediaParks',
      'newMediaDepartments',
    ],
  },
  {
    title: 'dashboard.round.messages',
    fields: ['messagesReceived', 'messagesClosed', 'messagesOverdue'],
  },
];
/** Figures the 通报 may leave out; 0 unless given. */
const OPTIONAL: ReadonlySet<string> = new Set([
  'newMediaDistricts',
  'newMediaParks',
  'newMediaDepartments',
  'messagesOverdue',
]);

function initialValues(round: InspectionRound | null): Values {
  const counts = Object.fromEntries(
    ROUND_COUNTS.map((k) => [k, round ? String(round[k]) : OPTIONAL.has(k) ? '0' : '']),
  ) as Record<RoundCount, string>;
  return {
    quarter: round?.quarter ?? '',
    windowStart: round?.windowStart ?? '',
    windowEnd: round?.windowEnd ?? '',
    ...counts,
  };
}

/** 新建季度 (round null) or 修改数据 of an existing quarter: every headline figure the 通报 prints. */
export function RoundDialog({
  open,
  round,
  onClose,
  onSaved,
}: {
  open: boolean;
  round: InspectionRound | null;
  onClose: () => void;
  onSaved: (round: InspectionRound) => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const [values, setValues] = useState<Values>(() => initialValues(round));
  const [policy, setPolicy] = useState<PolicyChoice | null>(round?.policy ?? null);
  const [policyQuery, setPolicyQuery] = useState('');
  const [policies, setPolicies] = useState<PolicyChoice[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setValues(initialValues(round));
    setPolicy(round?.policy ?? null);
    setErrors({});
    setError(null);
  }, [open, round]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      dataProvider.policyChoices(policyQuery).then(
        (found) => live && setPolicies(found),
        (e: unknown) => live && setError(e as Error),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, policyQuery]);

  const set = (field: keyof Values) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };

  /** Blank and malformed entries, said before anything is sent; the rules between figures are the server's. */
  function localErrors(): Partial<Record<Field, string>> {
    const out: Partial<Record<Field, string>> = {};
    if (!round && !parseQuarter(values.quarter.trim().toUpperCase()))
      out.quarter = translate('dashboard.round.badQuarter');
    if (!values.windowStart) out.windowStart = translate('ra.validation.required');
    if (!values.windowEnd) out.windowEnd = translate('ra.validation.required');
    for (const k of ROUND_COUNTS) {
      const v = values[k].trim();
      if (v === '' && !OPTIONAL.has(k)) out[k] = translate('ra.validation.required');
      else if (v !== '' && !/^\d+$/u.test(v)) out[k] = translate('dashboard.round.badCount');
    }
    return out;
  }

  async function save() {
    setError(null);
    const local = localErrors();
    setErrors(local);
    if (Object.keys(local).length) return;
    const figures = Object.fromEntries(
      ROUND_COUNTS.map((k) => [k, Number(values[k].trim() || 0)]),
    ) as Record<RoundCount, number>;
    const input: RoundFigures = {
      ...figures,
      windowStart: values.windowStart,
      windowEnd: values.windowEnd,
      policyId: policy?.id ?? null,
    };
    setBusy(true);
    try {
      const saved = round
        ? await dataProvider.updateInspectionRound(round.id, round.version, input)
        : await dataProvider.createInspectionRound({
            ...input,
            quarter: values.quarter.trim().toUpperCase(),
          });
      notify(round ? 'dashboard.round.updated' : 'dashboard.round.created', {
        type: 'success',
        messageArgs: { quarter: saved.quarter },
      });
      onSaved(saved);
    } catch (e) {
      const named = fieldErrors(e, translate);
      setErrors(named);
      // An error on no field of this form (a conflict, a lost connection) is said above the buttons.
      if (!Object.keys(named).length) setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  const numberField = (k: RoundCount) => (
    <TextField
      key={k}
      size="small"
      label={translate(`dashboard.round.fields.${k}`)}
      value={values[k]}
      onChange={set(k)}
      error={!!errors[k]}
      helperText={errors[k] ?? ' '}
      inputProps={{ inputMode: 'numeric', 'data-testid': `round-${k}` }}
      FormHelperTextProps={{ 'data-testid': `round-${k}-error` } as object}
    />
  );

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle>
        {round
          ? translate('dashboard.round.editTitle', { quarter: round.quarter })
          : translate('dashboard.round.createTitle')}
      </DialogTitle>
      <DialogContent dividers data-testid="round-form">
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '1fr 1fr 1fr' },
            columnGap: 2,
            rowGap: 0.5,
            mt: 1,
          }}
        >
          {!round && (
            <TextField
              size="small"
              label={translate('dashboard.round.fields.quarter')}
              value={values.quarter}
              onChange={set('quarter')}
              error={!!errors.quarter}
              helperText={errors.quarter ?? translate('dashboard.round.quarterHelp')}
              inputProps={{ 'data-testid': 'round-quarter' }}
              FormHelperTextProps={{ 'data-testid': 'round-quarter-error' } as object}
            />
          )}
          <TextField
            size="small"
            type="date"
            label={translate('dashboard.round.fields.windowStart')}
            value={values.windowStart}
            onChange={set('windowStart')}
            error={!!errors.windowStart}
            helperText={errors.windowStart ?? ' '}
            InputLabelProps={{ shrink: true }}
            inputProps={{ 'data-testid': 'round-windowStart' }}
            FormHelperTextProps={{ 'data-testid': 'round-windowStart-error' } as object}
          />
          <TextField
            size="small"
            type="date"
            label={translate('dashboard.round.fields.windowEnd')}
            value={values.windowEnd}
            onChange={set('windowEnd')}
            error={!!errors.windowEnd}
            helperText={errors.windowEnd ?? ' '}
            InputLabelProps={{ shrink: true }}
            inputProps={{ 'data-testid': 'round-windowEnd' }}
            FormHelperTextProps={{ 'data-testid': 'round-windowEnd-error' } as object}
          />
          <Box sx={{ gridColumn: '1 / -1' }}>
            <Autocomplete
              size="small"
              options={policies}
              value={policy}
              onChange={(_e, v) => {
                setPolicy(v);
                setErrors(({ policyId: _, ...rest }) => rest);
              }}
              onInputChange={(_e, v, reason) => reason === 'input' && setPolicyQuery(v)}
              filterOptions={(o) => o}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              getOptionLabel={(p) => `${p.docNo} ${p.title}`}
              noOptionsText={translate('dashboard.round.noPolicies')}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={translate('dashboard.round.fields.policyId')}
                  error={!!errors.policyId}
                  helperText={errors.policyId ?? translate('dashboard.round.policyHelp')}
                  inputProps={{ ...params.inputProps, 'data-testid': 'round-policy' }}
                />
              )}
            />
          </Box>
        </Box>
        {GROUPS.map((g) => (
          <Box key={g.title} sx={{ mt: 1 }}>
            <Typography variant="subtitle2" gutterBottom>
              {translate(g.title)}
            </Typography>
            <Box
              sx={{
                display: 'grid',
                gridTemplateColumns: { xs: '1fr 1fr', md: '1fr 1fr 1fr 1fr' },
                columnGap: 2,
                rowGap: 0.5,
              }}
            >
              {g.fields.map(numberField)}
            </Box>
          </Box>
        ))}
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={save} disabled={busy} data-testid="round-save">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
