import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import {
  Autocomplete,
  Box,
  Button,
  Chip,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { HOSPITAL_GRADES } from '@gazette/domain';
import type { HospitalGrade, MedicalQuoteResult, QuoteLine } from '../dataProvider/calculators.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { formatMoney, formatPercent } from '../shared/format.ts';
import { CalculatorCard, SourceNote, TotalRow } from './CalculatorParts.tsx';
import { today } from '../shared/today.ts';

interface Row {
  code: string;
  quantity: number;
}

export function MedicalQuote() {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const [grade, setGrade] = useState<HospitalGrade>('TERTIARY_A');
  const [asOf, setAsOf] = useState(today());
  const [rows, setRows] = useState<Row[]>([{ code: '', quantity: 1 }]);
  const [result, setResult] = useState<MedicalQuoteResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);

  // The items to pick from on the chosen date (none while the date is incomplete); a failed read
  // is said under the form rather than shown as an empty list.
  const { data: items = [], error: itemsError } = useQuery({
    queryKey: ['medicalItems', asOf],
    queryFn: () => dataProvider.medicalItems(asOf),
    enabled: /^\d{4}-\d{2}-\d{2}$/u.test(asOf),
    retry: false,
  });
  const setRow = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function calculate() {
    setLoading(true);
    setError(null);
    try {
      const items = rows
        .filter((r) => r.code.trim())
        .map((r) => ({ code: r.code.trim(), quantity: Number(r.quantity) }));
      // One request: each line carries its name, unit, price and surcharge, the quote its document.
      setResult(await dataProvider.medicalServiceQuote({ grade, asOf, items }));
    } catch (e) {
      setResult(null);
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }

  function ruleOf(line: QuoteLine) {
    if (line.surchargeRate)
      return translate('calc.medical.ruleSurcharge', { rate: formatPercent(line.surchargeRate) });
    // 单精子注射 (per egg, a surcharge per further egg, capped per grade) is the line with a cap.
    if (line.cap !== null)
      return line.capApplied
        ? translate('calc.medical.rulePerEggCapped')
        : translate('calc.medical.rulePerEgg');
    return translate('calc.medical.ruleTable');
  }

  return (
    <CalculatorCard title={translate('calc.medical.title')}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          select
          size="small"
          label={translate('calc.medical.grade')}
          value={grade}
          onChange={(e) => setGrade(e.target.value as HospitalGrade)}
          sx={{ minWidth: 160 }}
          inputProps={{ 'data-testid': 'medical-grade' }}
        >
          {HOSPITAL_GRADES.map((g) => (
            <MenuItem key={g} value={g}>
              {translate(`enums.HospitalGrade.${g}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="date"
          label={translate('calc.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'medical-asOf' }}
        />
      </Stack>
      {rows.map((row, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ mb: 1 }} alignItems="center">
          <Autocomplete
            freeSolo
            size="small"
            sx={{ flex: 1, minWidth: 220 }}
            options={items.map((it) => it.code)}
            getOptionLabel={(code) => {
              const name = items.find((it) => it.code === code)?.name;
              return name ? `${code} ${name}` : code;
            }}
            inputValue={row.code}
            onInputChange={(_, value) => setRow(i, { code: value.split(' ')[0] ?? '' })}
            renderInput={(params) => (
              <TextField
                {...params}
                label={translate('calc.medical.code')}
                inputProps={{ ...params.inputProps, 'data-testid': `medical-code-${i}` }}
              />
            )}
          />
          <TextField
            size="small"
            type="number"
            label={translate('calc.medical.quantity')}
            value={row.quantity}
            onChange={(e) => setRow(i, { quantity: Math.max(1, Number(e.target.value)) })}
            sx={{ width: 110 }}
            inputProps={{ min: 1, 'data-testid': `medical-qty-${i}` }}
          />
          <IconButton
            aria-label={translate('ra.action.remove')}
            onClick={() => setRows(rows.filter((_, j) => j !== i))}
            disabled={rows.length === 1}
          >
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        <Button onClick={() => setRows([...rows, { code: '', quantity: 1 }])}>
          {translate('calc.medical.addItem')}
        </Button>
        <Button
          variant="contained"
          onClick={calculate}
          disabled={loading}
          data-testid="medical-calculate"
        >
          {translate('calc.calculate')}
        </Button>
      </Stack>
      <ErrorAlert error={itemsError} />
      <ErrorAlert error={error} />
      {result && (
        <Box data-testid="medical-result">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('calc.medical.code')}</TableCell>
                <TableCell>{translate('calc.medical.name')}</TableCell>
                <TableCell>{translate('calc.medical.unit')}</TableCell>
                <TableCell align="right">{translate('calc.medical.price')}</TableCell>
                <TableCell align="right">{translate('calc.medical.quantity')}</TableCell>
                <TableCell align="right">{translate('calc.amount')}</TableCell>
                <TableCell>{translate('calc.rule')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.lines.map((line, i) => (
                <TableRow key={i}>
                  <TableCell>{line.code}</TableCell>
                  <TableCell>{line.name}</TableCell>
                  <TableCell>{line.unit}</TableCell>
                  <TableCell align="right">
                    {line.surchargeRate
                      ? formatPercent(line.surchargeRate)
                      : formatMoney(line.unitPrice)}
                  </TableCell>
                  <TableCell align="right">{line.quantity}</TableCell>
                  <TableCell align="right" data-testid={`medical-line-${i}`}>
                    {formatMoney(line.amount)}
                  </TableCell>
                  <TableCell>
                    {ruleOf(line)}{' '}
                    {line.capApplied && (
                      <Chip
                        size="small"
                        color="warning"
                        label={translate('calc.medical.capApplied')}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
              <TotalRow
                label={translate('calc.total')}
                amount={result.total}
                testId="medical-total"
                colSpan={5}
                ruleColumn
              />
            </TableBody>
          </Table>
          <SourceNote
            docNo={result.policy.docNo}
            article={translate('calc.medical.article')}
            date={result.asOf}
          />
        </Box>
      )}
    </CalculatorCard>
  );
}
