// Fields that print plain dates, money and enums the project's way in both languages.
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { formatDate, formatDateTime, formatMoney } from './format.ts';

interface FieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

function get(record: Record<string, unknown> | undefined, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      record,
    );
}

export function PlainDateField({ source }: FieldProps) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {formatDate(get(record, source) as string, locale)}
    </Typography>
  );
}

export function DateTimeField({ source }: FieldProps) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  return (
    <Typography variant="body2" component="span">
      {formatDateTime(get(record, source) as string, locale)}
    </Typography>
  );
}

export function MoneyField({ source }: FieldProps) {
  const record = useRecordContext();
  const value = get(record, source) as string | null;
  return (
    <Typography variant="body2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(value)}
    </Typography>
  );
}

/** An enum value through its translation key `enums.<name>.<VALUE>`. */
export function EnumField({ source, enumName }: FieldProps & { enumName: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = get(record, source);
  if (value === null || value === undefined) return null;
  return (
    <Typography variant="body2" component="span">
      {translate(`enums.${enumName}.${String(value)}`, { _: String(value) })}
    </Typography>
  );
}

/** Choices for a SelectInput built from an enum's translation keys. */
export function enumChoices(enumName: string, values: readonly string[]) {
  return values.map((id) => ({ id, name: `enums.${enumName}.${id}` }));
}

export function useFormatters() {
  const [locale] = useLocaleState();
  return {
    date: (v?: string | null) => formatDate(v, locale),
    dateTime: (v?: string | null) => formatDateTime(v, locale),
    money: formatMoney,
    locale,
  };
}
