import { useTranslate } from 'react-admin';
import {
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { LandInput, LandResult } from '../dataProvider/calculators.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { formatMoney } from '../shared/format.ts';
import { useFormatters } from '../shared/fields.tsx';
import { today } from '../shared/today.ts';
import { useCalculator } from './useCalculator.ts';

const GRADES = [1, 2, 3, 4, 5, 6, 7];
/** The form's fields, all present (the API's optional ones as empty text or false). */
type LandForm = { [K in keyof LandInput]-?: NonNullable<LandInput[K]> };

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ'];

export function LandFee() {
  const translate = useTranslate();
  const fmt = useFormatters();
  const dataProvider = useGazetteDataProvider();
  const { input, set, result, error, calculate } = useCalculator<LandForm, LandResult>(
    {
      landUse: 'COMMERCIAL',
      grade: 1,
      streetFrontGroundFloor: true,
      floorArea: '100',
      termCoefficient: '1',
      housingReform: false,
      appraisedAmount: '',
      asOf: today(),
    },
    ({ appraisedAmount, ...rest }) =>
      dataProvider.landTransferFeeQuote({
        ...rest,
        ...(appraisedAmount ? { appraisedAmount } : {}),
      }),
  );

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('calc.land.title')}
        </Typography>
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ mb: 2 }}
          flexWrap="wrap"
          useFlexGap
        >
          <TextField
            select
            size="small"
            label={translate('calc.land.landUse')}
            value={input.landUse}
            onChange={(e) => set({ landUse: e.target.value as LandForm['landUse'] })}
            sx={{ minWidth: 140 }}
          >
            <MenuItem value="COMMERCIAL">{translate('enums.LandUse.COMMERCIAL')}</MenuItem>
            <MenuItem value="RESIDENTIAL">{translate('enums.LandUse.RESIDENTIAL')}</MenuItem>
          </TextField>
          <TextField
            select
            size="small"
            label={translate('calc.land.grade')}
            value={input.grade}
            onChange={(e) => set({ grade: Number(e.target.value) })}
            sx={{ minWidth: 120 }}
          >
            {GRADES.map((g) => (
              <MenuItem key={g} value={g}>
                {translate('calc.land.gradeN', { n: ROMAN[g - 1] })}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={translate('calc.land.floorArea')}
            value={input.floorArea}
            onChange={(e) => set({ floorArea: e.target.value })}
            inputProps={{ inputMode: 'decimal', 'data-testid': 'land-area' }}
          />
          <TextField
            size="small"
            label={translate('calc.land.termCoefficient')}
            value={input.termCoefficient}
            onChange={(e) => set({ termCoefficient: e.target.value })}
            inputProps={{ inputMode: 'decimal' }}
          />
          <TextField
            size="small"
            label={translate('calc.land.appraisedAmount')}
            value={input.appraisedAmount}
            onChange={(e) => set({ appraisedAmount: e.target.value })}
            helperText={translate('calc.land.appraisedHelp')}
            inputProps={{ inputMode: 'decimal' }}
          />
          <TextField
            size="small"
            type="date"
            label={translate('calc.asOf')}
            value={input.asOf}
            onChange={(e) => set({ asOf: e.target.value })}
            InputLabelProps={{ shrink: true }}
            inputProps={{ 'data-testid': 'land-asOf' }}
          />
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mb: 2 }} flexWrap="wrap">
          <FormControlLabel
            control={
              <Checkbox
                checked={input.streetFrontGroundFloor}
                disabled={input.landUse === 'RESIDENTIAL'}
                onChange={(e) => set({ streetFrontGroundFloor: e.target.checked })}
              />
            }
            label={translate('calc.land.streetFront')}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={input.housingReform}
                onChange={(e) => set({ housingReform: e.target.checked })}
              />
            }
            label={translate('calc.land.housingReform')}
          />
          <Button variant="contained" onClick={calculate} data-testid="land-calculate">
            {translate('calc.calculate')}
          </Button>
        </Stack>
        <ErrorAlert error={error} />
        {result && (
          <Box data-testid="land-result">
            <Table size="small">
              <TableBody>
                <TableRow>
                  <TableCell>{translate('calc.land.standard')}</TableCell>
                  <TableCell align="right">
                    {formatMoney(result.standardPerSqm)} {translate('calc.land.perSqm')}
                  </TableCell>
                  <TableCell>{translate('calc.land.articleStandard')}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate('calc.land.formula')}</TableCell>
                  <TableCell align="right">
                    {result.input.floorArea} × {formatMoney(result.standardPerSqm)} ×{' '}
                    {result.input.termCoefficient}
                  </TableCell>
                  <TableCell>{translate('calc.land.articleFormula')}</TableCell>
                </TableRow>
                {result.input.housingReform && (
                  <TableRow>
                    <TableCell>{translate('calc.land.housingReform')}</TableCell>
                    <TableCell align="right">× 50%</TableCell>
                    <TableCell>{translate('calc.land.articleHousingReform')}</TableCell>
                  </TableRow>
                )}
                {result.input.appraisedAmount && (
                  <TableRow>
                    <TableCell>{translate('calc.land.basis')}</TableCell>
                    <TableCell align="right">
                      {translate(`enums.FeeBasis.${result.basis}`)}
                    </TableCell>
                    <TableCell>{translate('calc.land.articleAppraisal')}</TableCell>
                  </TableRow>
                )}
                <TableRow>
                  <TableCell>
                    <strong>{translate('calc.amount')}</strong>
                  </TableCell>
                  <TableCell align="right" data-testid="land-amount">
                    <strong>{formatMoney(result.amount)}</strong>
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableBody>
            </Table>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('calc.source', {
                docNo: result.policy.docNo,
                article: translate('calc.land.article'),
                date: fmt.date(result.input.asOf),
              })}
            </Typography>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
