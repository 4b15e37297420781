// A rate version's entries as CSV, read and written through the project's one CSV module
// (@gazette/csv). Files are written as the gazette prints them: Chinese headers (each
// dimension's label, 金额(元) …) and dimension values by their labels (三甲, 商服用地 …);
// imports accept those and the older English headers and codes (grade, TERTIARY_A …).
import {
  CsvSyntaxError,
  neutraliseCell,
  readCsvRecords,
  stringifyCsv,
  unneutraliseCell,
  type CsvRecord,
} from '@gazette/csv';
import { formatDecimal } from '../shared/money.ts';
import type { DimensionDef, RateEntry, RateTable, RateVersion } from './model.ts';
import {
  rateEntryInputErrors,
  versionEntryErrors,
  buildRateEntry,
  type RateEntryInput,
  type RateFieldError,
} from './entry-input.ts';
import { stableJson } from './diff-versions.ts';

export { neutraliseCell, unneutraliseCell };

/** Value columns after the dimension columns (their English names, still accepted on import). */
export const RATE_CSV_VALUE_COLUMNS = [
  'code',
  'name',
  'unit',
  'amount',
  'rate',
  'baseKey',
  'attributes',
] as const;
export type RateCsvValueColumn = (typeof RATE_CSV_VALUE_COLUMNS)[number];

/** The printed header of each value column. */
export const RATE_CSV_VALUE_HEADERS: Record<RateCsvValueColumn, string> = {
  code: '编码',
  name: '名称',
  unit: '单位',
  amount: '金额(元)',
  rate: '比例',
  baseKey: '基准项',
  attributes: '附加属性',
};

export interface RateCsvError {
  /** 1-based line of the CSV (the header is line 1). */
  line: number;
  /** The column's Chinese header, when the error is in one cell. */
  column: string | null;
  message: string;
}

export type RateCsvResult =
  { ok: true; entries: RateEntry[] } | { ok: false; errors: RateCsvError[] };

/** RFC 4180 records with the line each starts on (blank lines skipped). Throws CsvSyntaxError. */
export function parseCsvRecords(text: string): CsvRecord[] {
  return readCsvRecords(text);
}

/** Header text as compared: spaces and a trailing （单位） ignored. */
const headerKey = (text: string) => text.replace(/\s+/gu, '').replace(/[（(][^（()）]*[）)]$/u, '');

/** One column of a table's CSV: a dimension or a value column. */
interface RateCsvColumn {
  /** dimension name or value column */
  name: string;
  header: string;
  dimension: DimensionDef | null;
}

function rateCsvColumns(dimensions: readonly DimensionDef[]): RateCsvColumn[] {
  const dims = dimensions.map((d) => ({ name: d.name, header: d.label, dimension: d }));
  // A dimension named like a value column (the medical table's `code`) is one column.
  const values = RATE_CSV_VALUE_COLUMNS.filter((c) => !dimensions.some((d) => d.name === c)).map(
    (c) => ({ name: c, header: RATE_CSV_VALUE_HEADERS[c], dimension: null }),
  );
  return [...dims, ...values];
}

/** A dimension cell read back: the value for a printed label (三甲 → TERTIARY_A), else the text itself. */
function dimensionValue(def: DimensionDef, text: string): string {
  const trimmed = text.trim();
  return (
    def.values.find((v) => v.label === trimmed || headerKey(v.label) === headerKey(trimmed))
      ?.value ?? trimmed
  );
}

function dimensionLabel(def: DimensionDef | undefined, value: string): string {
  return def?.values.find((v) => v.value === value)?.label ?? value;
}

/** An entry key (`311201070|TERTIARY_A`) with each part as printed (`311201070|三甲`), and back. */
function keyLabels(dimensions: readonly DimensionDef[], key: string): string {
  return key
    .split('|')
    .map((part, i) => dimensionLabel(dimensions[i], part))
    .join('|');
}

function keyValues(dimensions: readonly DimensionDef[], key: string): string {
  return key
    .split('|')
    .map((part, i) => (dimensions[i] ? dimensionValue(dimensions[i], part) : part))
    .join('|');
}

/** Where each column of a rate CSV is, as its header row names them. */
export interface RateCsvHeader {
  at: ReadonlyMap<string, number>;
  width: number;
}

/** Checks a header row against the table: every dimension, a value column, nothing unknown or twice. */
export function readRateCsvHeader(
  cells: readonly string[],
  table: Pick<RateTable, 'dimensions'>,
): { ok: true; header: RateCsvHeader } | { ok: false; errors: RateCsvError[] } {
  const known = knownColumns(table);
  const errors: RateCsvError[] = [];
  const at = new Map<string, number>();
  cells.forEach((cell, i) => {
    const column = known.get(headerKey(cell));
    if (!column)
      errors.push({
        line: 1,
        column: cell.trim() || `第${i + 1}列`,
        message: `未知的列:${cell.trim() || '(空)'}`,
      });
    else if (at.has(column.name))
      errors.push({ line: 1, column: column.header, message: `列 ${column.header} 重复` });
    else at.set(column.name, i);
  });
  for (const d of table.dimensions) {
    if (!at.has(d.name))
      errors.push({ line: 1, column: d.label, message: `缺少维度列 ${d.label}(${d.name})` });
  }
  if (!at.has('amount') && !at.has('rate')) {
    errors.push({
      line: 1,
      column: RATE_CSV_VALUE_HEADERS.amount,
      message: '缺少 金额(元)或 比例 列',
    });
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, header: { at, width: cells.length } };
}

/** One data record as an entry input, or null with the errors of its cells added to `errors`. */
export function readRateCsvRecord(
  header: RateCsvHeader,
  table: Pick<RateTable, 'dimensions'>,
  record: CsvRecord,
  errors: RateCsvError[],
): RateEntryInput | null {
  if (record.cells.length !== header.width) {
    errors.push({
      line: record.line,
      column: null,
      message: `应有 ${header.width} 列,实有 ${record.cells.length} 列`,
    });
    return null;
  }
  const get = (n: string) => {
    const i = header.at.get(n);
    return i === undefined ? undefined : unneutraliseCell(record.cells[i] ?? '');
  };
  const baseKey = get('baseKey');
  const input: RateEntryInput = {
    dimensions: Object.fromEntries(
      table.dimensions.map((d) => [d.name, dimensionValue(d, get(d.name) ?? '')]),
    ),
    code: get('code'),
    name: get('name'),
    unit: get('unit'),
    amount: get('amount'),
    rate: get('rate'),
    baseKey: baseKey && keyValues(table.dimensions, baseKey.trim()),
  };
  const attributes = get('attributes')?.trim();
  if (attributes) {
    try {
      const parsed: unknown = JSON.parse(attributes);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not an object');
      input.attributes = parsed as Record<string, unknown>;
    } catch {
      errors.push({
        line: record.line,
        column: RATE_CSV_VALUE_HEADERS.attributes,
        message: '附加属性(attributes)须为 JSON 对象',
      });
      return null;
    }
  }
  const rowErrors = rateEntryInputErrors(table, input);
  if (rowErrors.length === 0) return input;
  const headerOf = new Map(rateCsvColumns(table.dimensions).map((c) => [c.name, c.header]));
  for (const e of rowErrors) {
    const name = e.field.replace(/^dimensions\./, '');
    errors.push({ line: record.line, column: headerOf.get(name) ?? name, message: e.message });
  }
  return null;
}

function knownColumns(table: Pick<RateTable, 'dimensions'>): Map<string, RateCsvColumn> {
  const known = new Map<string, RateCsvColumn>();
  for (const c of rateCsvColumns(table.dimensions)) {
    known.set(headerKey(c.name), c);
    known.set(headerKey(c.header), c);
  }
  return known;
}

/**
 * Validates a whole CSV of a version's entries against the table: the header names the table's
 * dimensions and value columns (printed Chinese headers or the English names). Returns every
 * bad row and column, or all entries.
 */
export function parseRateVersionCsv(
  text: string,
  table: Pick<RateTable, 'dimensions'>,
): RateCsvResult {
  const known = knownColumns(table);
  let records: CsvRecord[];
  try {
    records = readCsvRecords(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const header = error.columnIndex === null ? null : readHeaderCell(text, error.columnIndex);
    return {
      ok: false,
      errors: [
        {
          line: error.line,
          column: header === null ? null : (known.get(headerKey(header))?.header ?? header),
          message: error.message,
        },
      ],
    };
  }
  const header = records[0];
  if (!header)
    return { ok: false, errors: [{ line: 1, column: null, message: 'CSV 为空,缺少表头' }] };
  const read = readRateCsvHeader(header.cells, table);
  if (!read.ok) return read;
  const errors: RateCsvError[] = [];
  const entries: RateEntry[] = [];
  const lines: number[] = [];
  for (const record of records.slice(1)) {
    const input = readRateCsvRecord(read.header, table, record, errors);
    if (!input) continue;
    entries.push(buildRateEntry(table, input, entries.length));
    lines.push(record.line);
  }
  return rateCsvResult(entries, lines, errors, versionEntryErrors(entries));
}

/**
 * The result of reading a CSV's records: `entryErrors` (the version's checks on the entries read,
 * each naming `entries[i]`) join the record errors at the file line of entry i; a file without
 * data rows is refused; errors come sorted by line.
 */
export function rateCsvResult(
  entries: RateEntry[],
  lines: readonly number[],
  errors: RateCsvError[],
  entryErrors: readonly RateFieldError[],
  /** Data rows read (more than `entries` when a batch reader handed some on already). */
  count: number = entries.length,
): RateCsvResult {
  for (const e of entryErrors) {
    const index = Number(/\[(\d+)\]/.exec(e.field)?.[1] ?? 0);
    errors.push({
      line: lines[index] ?? 0,
      column: e.field.endsWith('baseKey') ? RATE_CSV_VALUE_HEADERS.baseKey : null,
      message: e.message,
    });
  }
  if (count === 0 && errors.length === 0) {
    errors.push({ line: 2, column: null, message: 'CSV 没有数据行' });
  }
  return errors.length > 0
    ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) }
    : { ok: true, entries };
}

/** The text of one header cell (for naming the column of a syntax error found before the header was read). */
function readHeaderCell(text: string, index: number): string | null {
  const first = text.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u, 1)[0] ?? '';
  return first.split(',')[index]?.replace(/^"|"$/gu, '') ?? null;
}

/**
 * A version's entries as CSV (header + one row per entry, CRLF, formula-like text neutralised),
 * with the printed Chinese headers and dimension labels; parseRateVersionCsv reads it back.
 */
export function toRateVersionCsv(
  version: Pick<RateVersion, 'entries'>,
  table?: Pick<RateTable, 'dimensions'>,
): string {
  const dimensions: DimensionDef[] = table
    ? table.dimensions
    : Object.keys(version.entries[0]?.dimensions ?? {}).map((name) => ({
        name,
        label: name,
        values: [],
      }));
  const columns = rateCsvColumns(dimensions);
  const byName = new Map(dimensions.map((d) => [d.name, d]));
  const rows = [...version.entries]
    .sort((a, b) => a.position - b.position)
    .map((e) => {
      const cells: Record<RateCsvValueColumn, string> = {
        code: e.code ?? '',
        name: e.name ?? '',
        unit: e.unit ?? '',
        amount: e.amount === null ? '' : formatDecimal(e.amount),
        rate: e.rate === null ? '' : formatDecimal(e.rate),
        baseKey: e.baseKey ? keyLabels(dimensions, e.baseKey) : '',
        attributes: Object.keys(e.attributes).length === 0 ? '' : stableJson(e.attributes),
      };
      return columns.map((c) =>
        c.dimension
          ? dimensionLabel(byName.get(c.name), e.dimensions[c.name] ?? '')
          : cells[c.name as RateCsvValueColumn],
      );
    });
  return stringifyCsv([columns.map((c) => c.header), ...rows]);
}
