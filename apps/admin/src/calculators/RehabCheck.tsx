import { useTranslate } from 'react-admin';
import {
  Alert,
  List,
  ListItem,
  MenuItem,
  Table,
  TableBody,
  TextField,
  Typography,
} from '@mui/material';
import type { RehabInput, RehabResult } from '../dataProvider/calculators.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { formatMoney } from '../shared/format.ts';
import { today } from '../shared/today.ts';
import * as Calc from './CalculatorParts.tsx';
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
    <Calc.CalculatorForm
      title={translate('calc.rehab.title')}
      fields={
        <>
          <Calc.DateInput
            label={translate('calc.rehab.birthDate')}
            value={input.birthDate}
            onChange={(birthDate) => set({ birthDate })}
          />
          <Calc.DateInput
            label={translate('calc.rehab.applicationDate')}
            value={input.applicationDate}
            onChange={(applicationDate) => set({ applicationDate })}
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
          <Calc.DecimalInput
            label={translate('calc.rehab.requestedAmount')}
            value={input.requestedAmount}
            onChange={(requestedAmount) => set({ requestedAmount })}
          />
          <Calc.DecimalInput
            label={translate('calc.rehab.fundedThisYear')}
            value={input.fundedThisYear}
            onChange={(fundedThisYear) => set({ fundedThisYear })}
          />
          <Calc.DateInput
            label={translate('calc.rehab.lastSameDeviceDate')}
            value={input.lastSameDeviceDate}
            onChange={(lastSameDeviceDate) => set({ lastSameDeviceDate })}
          />
          <TextField
            size="small"
            label={translate('calc.rehab.county')}
            value={input.county}
            onChange={(e) => set({ county: e.target.value })}
          />
        </>
      }
      switches={
        <Calc.CheckboxInput
          label={translate('calc.rehab.luzhouHukou')}
          checked={input.luzhouHukou}
          onChange={(luzhouHukou) => set({ luzhouHukou })}
        />
      }
      action={{ label: translate('calc.rehab.check'), onClick: check, testId: 'rehab-check' }}
      error={error}
      resultTestId="rehab-result"
      result={
        result && (
          <>
            <Alert severity={result.eligible ? 'success' : 'warning'} sx={{ mb: 1 }}>
              {translate(result.eligible ? 'calc.rehab.eligible' : 'calc.rehab.notEligible')}
            </Alert>
            <Table size="small">
              <TableBody>
                <Calc.BreakdownRow
                  label={translate('calc.rehab.cap')}
                  value={result.cap ? formatMoney(result.cap) : '—'}
                />
                <Calc.BreakdownRow
                  label={translate('calc.rehab.requestedAmount')}
                  value={formatMoney(result.input.requestedAmount)}
                />
                <Calc.TotalRow
                  label={translate('calc.rehab.approvedAmount')}
                  amount={result.approvedAmount}
                  testId="rehab-approved"
                />
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
            <Calc.SourceNote
              docNo={result.policy.docNo}
              article={translate('calc.rehab.article')}
              date={result.input.applicationDate}
              spaced={false}
            />
          </>
        )
      }
    />
  );
}
