import { useTranslate } from 'react-admin';
import { MenuItem, Table, TableBody, TextField } from '@mui/material';
import type { LandInput, LandResult } from '../dataProvider/calculators.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { formatMoney } from '../shared/format.ts';
import { today } from '../shared/today.ts';
import * as Calc from './CalculatorParts.tsx';
import { useCalculator } from './useCalculator.ts';

const GRADES = [1, 2, 3, 4, 5, 6, 7];
/** The form's fields, all present (the API's optional ones as empty text or false). */
type LandForm = { [K in keyof LandInput]-?: NonNullable<LandInput[K]> };

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ'];

export function LandFee() {
  const translate = useTranslate();
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
    <Calc.CalculatorForm
      title={translate('calc.land.title')}
      fields={
        <>
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
          <Calc.DecimalInput
            label={translate('calc.land.floorArea')}
            value={input.floorArea}
            onChange={(floorArea) => set({ floorArea })}
            testId="land-area"
          />
          <Calc.DecimalInput
            label={translate('calc.land.termCoefficient')}
            value={input.termCoefficient}
            onChange={(termCoefficient) => set({ termCoefficient })}
          />
          <Calc.DecimalInput
            label={translate('calc.land.appraisedAmount')}
            value={input.appraisedAmount}
            onChange={(appraisedAmount) => set({ appraisedAmount })}
            helperText={translate('calc.land.appraisedHelp')}
          />
          <Calc.DateInput
            label={translate('calc.asOf')}
            value={input.asOf}
            onChange={(asOf) => set({ asOf })}
            testId="land-asOf"
          />
        </>
      }
      switches={
        <>
          <Calc.CheckboxInput
            label={translate('calc.land.streetFront')}
            checked={input.streetFrontGroundFloor}
            disabled={input.landUse === 'RESIDENTIAL'}
            onChange={(streetFrontGroundFloor) => set({ streetFrontGroundFloor })}
          />
          <Calc.CheckboxInput
            label={translate('calc.land.housingReform')}
            checked={input.housingReform}
            onChange={(housingReform) => set({ housingReform })}
          />
        </>
      }
      action={{ label: translate('calc.calculate'), onClick: calculate, testId: 'land-calculate' }}
      error={error}
      resultTestId="land-result"
      result={
        result && (
          <>
            <Table size="small">
              <TableBody>
                <Calc.BreakdownRow
                  label={translate('calc.land.standard')}
                  value={`${formatMoney(result.standardPerSqm)} ${translate('calc.land.perSqm')}`}
                  article={translate('calc.land.articleStandard')}
                />
                <Calc.BreakdownRow
                  label={translate('calc.land.formula')}
                  value={[
                    result.input.floorArea,
                    formatMoney(result.standardPerSqm),
                    result.input.termCoefficient,
                  ].join(' × ')}
                  article={translate('calc.land.articleFormula')}
                />
                {result.input.housingReform && (
                  <Calc.BreakdownRow
                    label={translate('calc.land.housingReform')}
                    value="× 50%"
                    article={translate('calc.land.articleHousingReform')}
                  />
                )}
                {result.input.appraisedAmount && (
                  <Calc.BreakdownRow
                    label={translate('calc.land.basis')}
                    value={translate(`enums.FeeBasis.${result.basis}`)}
                    article={translate('calc.land.articleAppraisal')}
                  />
                )}
                <Calc.TotalRow
                  label={translate('calc.amount')}
                  amount={result.amount}
                  testId="land-amount"
                  ruleColumn
                />
              </TableBody>
            </Table>
            <Calc.SourceNote
              docNo={result.policy.docNo}
              article={translate('calc.land.article')}
              date={result.input.asOf}
            />
          </>
        )
      }
    />
  );
}
