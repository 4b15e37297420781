// A CSV with a header row read into typed rows: columns found by their printed Chinese header
// (or an older English one), each row checked by a zod schema, every error naming its line
// and the column's Chinese header. Nothing is returned partially: rows or errors.
import type { z } from 'zod';
import { CsvSyntaxError, readCsvRecords, type CsvRecord } from './read.ts';
import { unneutraliseCell } from './write.ts';

export interface CsvColumn<K extends string = string> {
  /** The key of the row object handed to the schema. */
  key: K;
  /** The header as printed (Chinese); exports write it, errors name it. */
  header: string;
  /** Other headers accepted on import (the older English ones). */
  aliases?: readonly string[];
  /** The file may leave the column out (the schema then sees undefined). */
  optional?: boolean;
}

export interface CsvRowError {
  /** 1-based line of the CSV (the header is line 1). */
  line: number;
  /** The column's printed header, when the error is in one cell. */
  column: string | null;
  message: string;
}

export interface CsvRow<T> {
  line: number;
  value: T;
}

export type CsvTableResult<T> =
  { ok: true; rows: CsvRow<T>[] } | { ok: false; errors: CsvRowError[] };

export interface CsvTableSpec<K extends string, S extends z.ZodType> {
  columns: readonly CsvColumn<K>[];
  /** Validates one row object (keys from columns, values the cell texts); its messages are shown. */
  row: S;
}

const normalise = (header: string) => header.replace(/\s+/gu, '').replace(/[（(].*[）)]$/u, '');

/** The header's cells matched to columns: index per key, or errors naming the unknown, repeated or missing columns. */
export function mapCsvHeader<K extends string>(
  header: readonly string[],
  columns: readonly CsvColumn<K>[],
): { index: Map<K, number>; errors: CsvRowError[] } {
  const byName = new Map<string, CsvColumn<K>>();
  for (const c of columns)
    for (const name of [c.header, ...(c.aliases ?? [])]) byName.set(normalise(name), c);
  const index = new Map<K, number>();
  const errors: CsvRowError[] = [];
  header.forEach((raw, i) => {
    const column = byName.get(normalise(raw));
    if (!column)
      errors.push({
        line: 1,
        column: raw.trim() || `第${i + 1}列`,
        message: `未知的列:${raw.trim() || '(空)'}`,
      });
    else if (index.has(column.key))
      errors.push({ line: 1, column: column.header, message: `列 ${column.header} 重复` });
    else index.set(column.key, i);
  });
  for (const c of columns) {
    if (!c.optional && !index.has(c.key))
      errors.push({ line: 1, column: c.header, message: `缺少列 ${c.header}` });
  }
  return { index, errors };
}

/** Records after the header into rows checked by the spec's schema. */
export function csvRecordsToRows<K extends string, S extends z.ZodType>(
  records: readonly CsvRecord[],
  spec: CsvTableSpec<K, S>,
): CsvTableResult<z.output<S>> {
  const [header, ...body] = records;
  if (!header)
    return { ok: false, errors: [{ line: 1, column: null, message: 'CSV 为空,缺少表头' }] };
  const { index, errors } = mapCsvHeader(header.cells, spec.columns);
  if (errors.length > 0) return { ok: false, errors };
  const headerOf = new Map(spec.columns.map((c) => [c.key as PropertyKey, c.header]));
  const rows: CsvRow<z.output<S>>[] = [];
  for (const record of body) {
    if (record.cells.length !== header.cells.length) {
      errors.push({
        line: record.line,
        column: null,
        message: `应有 ${header.cells.length} 列,实有 ${record.cells.length} 列`,
      });
      continue;
    }
    const input: Record<string, string | undefined> = {};
    for (const [key, i] of index)
      input[key] = i < record.cells.length ? unneutraliseCell(record.cells[i] ?? '') : undefined;
    const parsed = spec.row.safeParse(input);
    if (parsed.success) rows.push({ line: record.line, value: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        const header =
          issue.path.length > 0 ? (headerOf.get(issue.path[0] as PropertyKey) ?? null) : null;
        errors.push({
          line: record.line,
          column: header,
          message: header ? `${header}:${issue.message}` : issue.message,
        });
      }
    }
  }
  if (errors.length === 0 && rows.length === 0)
    errors.push({ line: 2, column: null, message: 'CSV 没有数据行' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** A CSV text into rows checked by the spec's schema, or every error at once. */
export function parseCsvTable<K extends string, S extends z.ZodType>(
  text: string,
  spec: CsvTableSpec<K, S>,
): CsvTableResult<z.output<S>> {
  try {
    return csvRecordsToRows(readCsvRecords(text), spec);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { ok: false, errors: [syntaxRowError(error, text, spec.columns)] };
  }
}

/** A CsvSyntaxError as a row error, the cell named by its header when the header line can be read. */
export function syntaxRowError(
  error: CsvSyntaxError,
  text: string,
  columns: readonly CsvColumn[],
): CsvRowError {
  let column: string | null = null;
  if (error.columnIndex !== null) {
    const headerLine = text.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u, 1)[0] ?? '';
    const raw = headerLine.split(',')[error.columnIndex]?.replace(/^"|"$/gu, '') ?? '';
    const known = columns.find((c) =>
      [c.header, ...(c.aliases ?? [])].some((n) => normalise(n) === normalise(raw)),
    );
    column = known?.header ?? (raw.trim() || `第${error.columnIndex + 1}列`);
  }
  return { line: error.line, column, message: error.message };
}

/** The header row to write: each column's printed header. */
export function csvHeader(columns: readonly CsvColumn[]): string[] {
  return columns.map((c) => c.header);
}
