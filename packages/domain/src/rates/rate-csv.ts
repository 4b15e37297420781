import { formatDecimal } from '../shared/money.ts';
import type { RateEntry, RateTable, RateVersion } from './model.ts';
import { rateEntryInputErrors, versionEntryErrors, buildRateEntry, type RateEntryInput } from './entry-input.ts';
import { stableJson } from './diff-versions.ts';

/** Value columns after the dimension columns. */
export const RATE_CSV_VALUE_COLUMNS = ['code', 'name', 'unit', 'amount', 'rate', 'baseKey', 'attributes'] as const;

export interface RateCsvError {
  /** 1-based line of the CSV (the header is line 1). */
  line: number;
  /** Column name, when the error is in one cell. */
  column: string | null;
  message: string;
}

export type RateCsvResult = { ok: true; entries: RateEntry[] } | { ok: false; errors: RateCsvError[] };

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): { line: number; cells: string[] }[] {
  const src = text.replace(/^\uFEFF/, '');
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
      touched = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (touched || cells.some((c) => c !== '')) records.push({ line: start, cells });
      cells = [];
      cell = '';
      touched = false;
      line++;
      start = line;
    } else {
      cell += ch;
      touched = true;
    }
  }
  cells.push(cell);
  if (touched || cells.some((c) => c !== '')) records.push({ line: start, cells });
  return records;
}

/** A cell a spreadsheet would run as a formula (= + - @, or a tab or CR before one). */
const FORMULA_START = /^[=+\-@\t\r']/u;

/**
 * Text written to a CSV can not run in Excel or WPS: a cell starting like a formula gets a
 * leading `'` (and one already starting with `'` gets another), which unneutraliseCell undoes.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseCell on a cell read back from a CSV. */
export function unneutraliseCell(value: string): string {
  return /^'[=+\-@\t\r']/u.test(value) ? value.slice(1) : value;
}

function csvCell(raw: string): string {
  const value = neutraliseCell(raw);
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Validates a whole CSV of a version's entries against the table: the header names the table's
 * dimensions and any of RATE_CSV_VALUE_COLUMNS. Returns every bad row and column, or all entries.
 */
export function parseRateVersionCsv(text: string, table: Pick<RateTable, 'dimensions'>): RateCsvResult {
  const records = parseCsvRecords(text);
  const header = records[0];
  if (!header) return { ok: false, errors: [{ line: 1, column: null, message: 'CSV 为空,缺少表头' }] };
  const names = header.cells.map((c) => c.trim());
  const known = new Set<string>([...table.dimensions.map((d) => d.name), ...RATE_CSV_VALUE_COLUMNS]);
  const errors: RateCsvError[] = [];
  names.forEach((n, i) => {
    if (!known.has(n)) errors.push({ line: 1, column: n || `第${i + 1}列`, message: `未知的列:${n || '(空)'}` });
    else if (names.indexOf(n) !== i) errors.push({ line: 1, column: n, message: `列 ${n} 重复` });
  });
  for (const d of table.dimensions) {
    if (!names.includes(d.name)) errors.push({ line: 1, column: d.name, message: `缺少维度列 ${d.name}(${d.label})` });
  }
  if (!names.includes('amount') && !names.includes('rate')) {
    errors.push({ line: 1, column: 'amount', message: '缺少 amount(金额)或 rate(比例)列' });
  }
  if (errors.length > 0) return { ok: false, errors };

  const entries: RateEntry[] = [];
  const lines: number[] = [];
  for (const record of records.slice(1)) {
    if (record.cells.length !== names.length) {
      errors.push({ line: record.line, column: null, message: `应有 ${names.length} 列,实有 ${record.cells.length} 列` });
      continue;
    }
    const get = (n: string) => {
      const i = names.indexOf(n);
      return i < 0 ? undefined : unneutraliseCell(record.cells[i] ?? '');
    };
    const input: RateEntryInput = {
      dimensions: Object.fromEntries(table.dimensions.map((d) => [d.name, get(d.name) ?? ''])),
      code: get('code'),
      name: get('name'),
      unit: get('unit'),
      amount: get('amount'),
      rate: get('rate'),
      baseKey: get('baseKey'),
    };
    const attributes = get('attributes')?.trim();
    if (attributes) {
      try {
        const parsed: unknown = JSON.parse(attributes);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        input.attributes = parsed as Record<string, unknown>;
      } catch {
        errors.push({ line: record.line, column: 'attributes', message: 'attributes(附加属性)须为 JSON 对象' });
        continue;
      }
    }
    const rowErrors = rateEntryInputErrors(table, input);
    if (rowErrors.length > 0) {
      for (const e of rowErrors) {
        errors.push({ line: record.line, column: e.field.replace(/^dimensions\./, ''), message: e.message });
      }
      continue;
    }
    entries.push(buildRateEntry(table, input, entries.length));
    lines.push(record.line);
  }
  for (const e of versionEntryErrors(entries)) {
    const index = Number(/\[(\d+)\]/.exec(e.field)?.[1] ?? 0);
    errors.push({ line: lines[index] ?? 0, column: e.field.endsWith('baseKey') ? 'baseKey' : null, message: e.message });
  }
  if (entries.length === 0 && errors.length === 0) {
    errors.push({ line: 2, column: null, message: 'CSV 没有数据行' });
  }
  return errors.length > 0 ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) } : { ok: true, entries };
}

/** A version's entries as CSV (header + one row per entry), readable by parseRateVersionCsv. */
export function toRateVersionCsv(version: Pick<RateVersion, 'entries'>, table?: Pick<RateTable, 'dimensions'>): string {
  const dims = table ? table.dimensions.map((d) => d.name) : Object.keys(version.entries[0]?.dimensions ?? {});
  // A dimension named like a value column (the medical table's `code`) is written once.
  const values = RATE_CSV_VALUE_COLUMNS.filter((c) => !dims.includes(c));
  const header = [...dims, ...values];
  const rows = [...version.entries]
    .sort((a, b) => a.position - b.position)
    .map((e) => {
      const cells: Record<(typeof RATE_CSV_VALUE_COLUMNS)[number], string> = {
        code: e.code ?? '',
        name: e.name ?? '',
        unit: e.unit ?? '',
        amount: e.amount === null ? '' : formatDecimal(e.amount),
        rate: e.rate === null ? '' : formatDecimal(e.rate),
        baseKey: e.baseKey ?? '',
        attributes: Object.keys(e.attributes).length === 0 ? '' : stableJson(e.attributes),
      };
      return [...dims.map((d) => e.dimensions[d] ?? ''), ...values.map((c) => cells[c])];
    });
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
