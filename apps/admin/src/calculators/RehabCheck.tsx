import { useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  List,
  ListItem,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { RehabInput, RehabResult } from '../dataProvider/calculators.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { formatMoney } from '../shared/format.ts';
import { useFormatters } from '../shared/fields.tsx';
import { today } from '../shared/today.ts';
import { useCalculator } from './useCalculator.ts';

export const REHAB_SERVICES = [
  'SURGERY',
  'TRAINING',
  'BASIC_DEVICE',
  'COCHLEAR_IMPLANT',
  'HEARING_AID',
  'PROSTHESIS',
  'LIMB_ORTHOSIS',
] as const;

/** The form's fields, all present (the API's optional ones as empty text). */
type RehabForm = { [K in keyof RehabInput]-?: NonNullable<RehabInput[K]> };

export function RehabCheck() {
  const translate = useTranslate();
  const fmt = useFormatters();
  const dataProvider = useGazetteDataProvider();
  const {
    input,
    set,
    result,
    error,
    calculate: check,
  } = useCalculator<RehabForm, RehabResult>(
    {
      birthDate: '2018-06-01',
      applicationDate: today(),
      luzhouHukou: true,
      service: 'TRAINING',
      requestedAmount: '20000',
      fundedThisYear: '',
      lastSameDeviceDate: '',
      county: '',
    },
    // Empty optional fields are left out rather than sent as ''.
    (input) =>
      dataProvider.rehabAssistanceCheck(
        Object.fromEntries(
          Object.entries(input).filter(([, v]) => v !== ''),
        ) as unknown as RehabInput,
      ),
  );

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('calc.rehab.title')}
        </Typography>
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ mb: 2 }}
          flexWrap="wrap"
          useFlexGap
        >
          <TextField
            size="small"
            type="date"
            label={translate('calc.rehab.birthDate')}
            value={input.birthDate}
            onChange={(e) => set({ birthDate: e.target.value })}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            size="small"
            type="date"
            label={translate('calc.rehab.applicationDate')}
            value={input.applicationDate}
            onChange={(e) => set({ applicationDate: e.target.value })}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            select
            size="small"
            label={translate('calc.rehab.service')}
            value={input.service}
            onChange={(e) => set({ service: e.target.value as RehabForm['service'] })}
            sx={{ minWidth: 160 }}
          >
            {REHAB_SERVICES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`enums.RehabService.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={translate('calc.rehab.requestedAmount')}
            value={input.requestedAmount}
            onChange={(e) => set({ requestedAmount: e.target.value })}
            inputProps={{ inputMode: 'decimal' }}
          />
          <TextField
            size="small"
            label={translate('calc.rehab.fundedThisYear')}
            value={input.fundedThisYear}
            onChange={(e) => set({ fundedThisYear: e.target.value })}
            inputProps={{ inputMode: 'decimal' }}
          />
          <TextField
            size="small"
            type="date"
            label={translate('calc.rehab.lastSameDeviceDate')}
            value={input.lastSameDeviceDate}
            onChange={(e) => set({ lastSameDeviceDate: e.target.value })}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            size="small"
            label={translate('calc.rehab.county')}
            value={input.county}
            onChange={(e) => set({ county: e.target.value })}
          />
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
          <FormControlLabel
            control={
              <Checkbox
                checked={input.luzhouHukou}
                onChange={(e) => set({ luzhouHukou: e.target.checked })}
              />
            }
            label={translate('calc.rehab.luzhouHukou')}
          />
          <Button variant="contained" onClick={check} data-testid="rehab-check">
            {translate('calc.rehab.check')}
          </Button>
        </Stack>
        <ErrorAlert error={error} />
        {result && (
          <Box data-testid="rehab-result">
            <Alert severity={result.eligible ? 'success' : 'warning'} sx={{ mb: 1 }}>
              {translate(result.eligible ? 'calc.rehab.eligible' : 'calc.rehab.notEligible')}
            </Alert>
            <Table size="small">
              <TableBody>
                <TableRow>
                  <TableCell>{translate('calc.rehab.cap')}</TableCell>
                  <TableCell align="right">{result.cap ? formatMoney(result.cap) : '—'}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate('calc.rehab.requestedAmount')}</TableCell>
                  <TableCell align="right">{formatMoney(result.input.requestedAmount)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>
                    <strong>{translate('calc.rehab.approvedAmount')}</strong>
                  </TableCell>
                  <TableCell align="right" data-testid="rehab-approved">
                    <strong>{formatMoney(result.approvedAmount)}</strong>
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
            {result.reasons.length > 0 && (
              <>
                <Typography variant="subtitle2" sx={{ mt: 1 }}>
                  {translate('calc.rule')}
                </Typography>
                <List dense>
                  {result.reasons.map((r, i) => (
                    <ListItem key={i}>• {r}</ListItem>
                  ))}
                </List>
              </>
            )}
            <Typography variant="body2" color="text.secondary">
              {translate('calc.source', {
                docNo: '泸市府规〔2024〕4号',
                article: translate('calc.rehab.article'),
                date: fmt.date(result.input.applicationDate),
              })}
            </Typography>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
