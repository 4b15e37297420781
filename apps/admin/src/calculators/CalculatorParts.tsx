// The pieces every calculator is built from, so the three read and look alike: a titled card, a
// wrapping row of small inputs, a breakdown table ending in a bold total, and the rule's source.
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import {
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { formatMoney } from '../shared/format.ts';
import { useFormatters } from '../shared/fields.tsx';

export function CalculatorCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** The form's inputs: one wrapping row on wide screens, a column on narrow ones. */
function FieldRow({ children }: { children: ReactNode }) {
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      sx={{ mb: 2 }}
      flexWrap="wrap"
      useFlexGap
    >
      {children}
    </Stack>
  );
}

/**
 * A calculator laid out as the desk uses it: the inputs, the switches beside the button that runs
 * it, the error if the API refused, and the result once there is one.
 */
export function CalculatorForm({
  title,
  fields,
  switches,
  action,
  error,
  result,
  resultTestId,
}: {
  title: string;
  fields: ReactNode;
  switches: ReactNode;
  action: { label: string; onClick: () => void; testId: string };
  error: Error | null;
  /** The result's breakdown; nothing before the first answer. */
  result: ReactNode;
  resultTestId: string;
}) {
  return (
    <CalculatorCard title={title}>
      <FieldRow>{fields}</FieldRow>
      <Stack direction="row" spacing={2} sx={{ mb: 2 }} flexWrap="wrap">
        {switches}
        <Button variant="contained" onClick={action.onClick} data-testid={action.testId}>
          {action.label}
        </Button>
      </Stack>
      <ErrorAlert error={error} />
      {result && <Box data-testid={resultTestId}>{result}</Box>}
    </CalculatorCard>
  );
}

interface TextInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  helperText?: string;
  testId?: string;
}

const testIdProps = (testId?: string) => (testId ? { 'data-testid': testId } : {});

/** A plain date (YYYY-MM-DD) picked with the browser's date input. */
export function DateInput({ label, value, onChange, testId }: Omit<TextInputProps, 'helperText'>) {
  return (
    <TextField
      size="small"
      type="date"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      InputLabelProps={{ shrink: true }}
      inputProps={testIdProps(testId)}
    />
  );
}

/** An amount or coefficient kept as text (exact decimals go to the API as typed). */
export function DecimalInput({ label, value, onChange, helperText, testId }: TextInputProps) {
  return (
    <TextField
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      helperText={helperText}
      inputProps={{ inputMode: 'decimal', ...testIdProps(testId) }}
    />
  );
}

export function CheckboxInput({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <FormControlLabel
      control={
        <Checkbox
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
        />
      }
      label={label}
    />
  );
}

/** One line of a breakdown: what, how much, and (when given) the article it comes from. */
export function BreakdownRow({
  label,
  value,
  article,
}: {
  label: ReactNode;
  value: ReactNode;
  article?: string;
}) {
  return (
    <TableRow>
      <TableCell>{label}</TableCell>
      <TableCell align="right">{value}</TableCell>
      {article !== undefined && <TableCell>{article}</TableCell>}
    </TableRow>
  );
}

/** The breakdown's last, bold row; `colSpan` spans the label over the line columns. */
export function TotalRow({
  label,
  amount,
  testId,
  colSpan,
  ruleColumn = false,
}: {
  label: string;
  amount: string;
  testId: string;
  colSpan?: number;
  /** Leaves the rule column of the table empty on this row. */
  ruleColumn?: boolean;
}) {
  return (
    <TableRow>
      <TableCell colSpan={colSpan}>
        <strong>{label}</strong>
      </TableCell>
      <TableCell align="right" data-testid={testId}>
        <strong>{formatMoney(amount)}</strong>
      </TableCell>
      {ruleColumn && <TableCell />}
    </TableRow>
  );
}

/** Where the rule comes from: the document, its article and the date the figures apply on. */
export function SourceNote({
  docNo,
  article,
  date,
  spaced = true,
}: {
  docNo: string;
  article: string;
  date: string;
  /** A gap above the note (none when a list ends just before it). */
  spaced?: boolean;
}) {
  const translate = useTranslate();
  const fmt = useFormatters();
  return (
    <Typography variant="body2" color="text.secondary" sx={spaced ? { mt: 1 } : undefined}>
      {translate('calc.source', { docNo, article, date: fmt.date(date) })}
    </Typography>
  );
}
