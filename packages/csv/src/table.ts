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

/**
 * Checks rows one record at a time against a header (for the streamed reader, which sees the
 * records in batches): rows and errors accumulate; `result()` gives rows only when no error.
 */
export class CsvRowChecker<K extends string, S extends z.ZodType> {
  readonly rows: CsvRow<z.output<S>>[] = [];
  readonly errors: CsvRowError[];
  private readonly index: Map<K, number>;
  private readonly headerOf: Map<PropertyKey, string>;

  constructor(
    private readonly header: CsvRecord,
    private readonly spec: CsvTableSpec<K, S>,
  ) {
    const mapped = mapCsvHeader(header.cells, spec.columns);
    this.index = mapped.index;
    this.errors = mapped.errors;
    this.headerOf = new Map(spec.columns.map((c) => [c.key as PropertyKey, c.header]));
  }

  /** False when the header itself is wrong (then no row is checked). */
  get headerOk(): boolean {
    return this.errors.every((e) => e.line !== 1);
  }

  /** The printed header of the file's column at `index`, for errors found by the reader. */
  columnAt(index: number): string | null {
    for (const [key, i] of this.index) if (i === index) return this.headerOf.get(key) ?? null;
    return this.header.cells[index]?.trim() || null;
  }

  check(record: CsvRecord): void {
    if (!this.headerOk) return;
    const width = this.header.cells.length;
    if (record.cells.length !== width) {
      this.errors.push({
        line: record.line,
        column: null,
        message: `应有 ${width} 列,实有 ${record.cells.length} 列`,
      });
      return;
    }
    const input: Record<string, string> = {};
    for (const [key, i] of this.index) input[key] = unneutraliseCell(record.cells[i] ?? '');
    const parsed = this.spec.row.safeParse(input);
    if (parsed.success) {
      this.rows.push({ line: record.line, value: parsed.data });
      return;
    }
    for (const issue of parsed.error.issues) {
      const column =
        issue.path.length > 0 ? (this.headerOf.get(issue.path[0] as PropertyKey) ?? null) : null;
      this.errors.push({
        line: record.line,
        column,
        message: column ? `${column}:${issue.message}` : issue.message,
      });
    }
  }

  result(): CsvTableResult<z.output<S>> {
    if (this.errors.length === 0 && this.rows.length === 0) {
      return { ok: false, errors: [{ line: 2, column: null, message: 'CSV 没有数据行' }] };
    }
    return this.errors.length > 0
      ? { ok: false, errors: this.errors }
      : { ok: true, rows: this.rows };
  }
}

export const EMPTY_CSV_ERROR: CsvRowError = { line: 1, column: null, message: 'CSV 为空,缺少表头' };

/** Records after the header into rows checked by the spec's schema. */
export function csvRecordsToRows<K extends string, S extends z.ZodType>(
  records: readonly CsvRecord[],
  spec: CsvTableSpec<K, S>,
): CsvTableResult<z.output<S>> {
  const [header, ...body] = records;
  if (!header) return { ok: false, errors: [EMPTY_CSV_ERROR] };
  const checker = new CsvRowChecker(header, spec);
  for (const record of body) checker.check(record);
  return checker.result();
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
