// The printed shape of a rate table: rows (items) × one column dimension (the five hospital grades,
// the land uses of the 年期修正系数 table), with the item's texts beside it. Pure functions only:
// the grid component, the bulk adjustment and the XLSX files share them.
import {
  dec,
  rateEntryInputErrors,
  roundMoney,
  type DimensionDef,
  type RateTableKind,
} from '@gazette/domain';
import type { ApiRateEntry } from '../dataProvider/rateTables.ts';

/** The item texts the gazette prints beside a medical item's prices, kept in entry.attributes. */
export const TEXT_ATTRIBUTES = ['contents', 'exclusions', 'note'] as const;
export type TextAttribute = (typeof TEXT_ATTRIBUTES)[number];

export interface MatrixLayout {
  /** The dimension spread over the columns. */
  column: DimensionDef;
  /** The dimensions that identify a row, in table order. */
  rows: DimensionDef[];
  /** Whether the item texts (序号, 项目名称, 项目内涵, 除外内容, 计价单位, 说明) are columns. */
  itemTexts: boolean;
  /** `rate` when every value is a coefficient (年期修正系数); else amounts, with % surcharges. */
  valueField: 'amount' | 'rate';
}

/**
 * How a table is printed as a matrix, or null when it is not one: the medical price table (code ×
 * grade) and the 年期修正系数 table (years × land use). Other tables stay a list.
 */
export function matrixLayout(
  kind: string | undefined,
  dimensions: DimensionDef[],
): MatrixLayout | null {
  if (kind === 'MEDICAL_SERVICE_PRICE') {
    const column = dimensions.find((d) => d.name === 'grade' && !d.open && d.values.length > 0);
    if (!column) return null;
    return {
      column,
      rows: dimensions.filter((d) => d !== column),
      itemTexts: true,
      valueField: 'amount',
    };
  }
  if (kind === 'LAND_TERM_COEFFICIENT') {
    const column = dimensions.find((d) => !d.open && d.values.length > 0);
    if (!column || dimensions.length < 2) return null;
    return {
      column,
      rows: dimensions.filter((d) => d !== column),
      itemTexts: false,
      valueField: 'rate',
    };
  }
  return null;
}

/** A value column's meaning for tables shown as a list: 系数 for the coefficient table. */
export function valueFieldOf(kind: RateTableKind | string | undefined): 'amount' | 'rate' {
  return kind === 'LAND_TERM_COEFFICIENT' ? 'rate' : 'amount';
}

export interface MatrixRow {
  /** Row dimension values joined with `|` (the entry key without the column value). */
  id: string;
  dims: Record<string, string>;
  seq: string;
  code: string | null;
  name: string | null;
  unit: string | null;
  texts: Record<TextAttribute, string>;
  /** Entry per column value. */
  cells: Record<string, ApiRateEntry | undefined>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function rowIdOf(layout: MatrixLayout, dims: Record<string, string>): string {
  return layout.rows.map((d) => dims[d.name] ?? '').join('|');
}

/** Entries grouped into printed rows, in entry order (position); `extraRows` adds empty rows. */
export function matrixRows(
  layout: MatrixLayout,
  entries: ApiRateEntry[],
  extraRows: Record<string, string>[] = [],
): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  const add = (dims: Record<string, string>) => {
    const id = rowIdOf(layout, dims);
    let row = rows.get(id);
    if (!row) {
      row = {
        id,
        dims: Object.fromEntries(layout.rows.map((d) => [d.name, dims[d.name] ?? ''])),
        seq: '',
        code: null,
        name: null,
        unit: null,
        texts: { contents: '', exclusions: '', note: '' },
        cells: {},
      };
      rows.set(id, row);
    }
    return row;
  };
  for (const e of [...entries].sort((a, b) => a.position - b.position)) {
    const row = add(e.dimensions ?? {});
    row.cells[e.dimensions?.[layout.column.name] ?? ''] = e;
    const attrs = e.attributes ?? {};
    row.seq ||= text(attrs.seq);
    row.code ??= e.code;
    row.name ??= e.name;
    row.unit ??= e.unit;
    for (const t of TEXT_ATTRIBUTES) row.texts[t] ||= text(attrs[t]);
  }
  for (const dims of extraRows) add(dims);
  return [...rows.values()];
}

/** The label of a dimension value (三甲 for TERTIARY_A), or the value itself for open dimensions. */
export function dimLabel(dim: DimensionDef | undefined, value: string): string {
  return dim?.values.find((v) => v.value === value)?.label ?? value;
}

/** The value a label or value names (三乙 or TERTIARY_B → TERTIARY_B), or null. */
export function dimValueOf(dim: DimensionDef, raw: string): string | null {
  const s = raw.trim();
  const hit = dim.values.find(
    (v) =>
      v.value === s || v.label === s || v.label.replace(/\s+/gu, '') === s.replace(/\s+/gu, ''),
  );
  if (hit) return hit.value;
  return dim.open && s !== '' ? s : null;
}

/** Whether a cell's value is shown and typed as a percentage (a surcharge such as 68%). */
export function isPercentCell(
  layout: Pick<MatrixLayout, 'valueField'>,
  entry: Pick<ApiRateEntry, 'amount' | 'rate'> | undefined,
): boolean {
  return layout.valueField === 'amount' && !!entry && entry.amount === null && entry.rate !== null;
}

/** A cell's value as typed in the editor: amounts and coefficients plain, surcharges in percent. */
export function editText(
  layout: Pick<MatrixLayout, 'valueField'>,
  entry: ApiRateEntry | undefined,
): string {
  if (!entry) return '';
  if (isPercentCell(layout, entry)) return `${dec(entry.rate!).times(100).toString()}%`;
  const v = layout.valueField === 'rate' ? entry.rate : entry.amount;
  return v === null || v === undefined ? '' : dec(v).toString();
}

export interface ParsedValue {
  field: 'amount' | 'rate';
  /** The decimal string to send. */
  value: string;
}

/**
 * What a typed or pasted cell means, checked as the domain checks an entry (non-negative, the
 * places the database keeps), or the reason it is refused. `68%` means the fraction 0.68.
 */
export function parseCellValue(
  layout: Pick<MatrixLayout, 'valueField'>,
  entry: Pick<ApiRateEntry, 'amount' | 'rate'> | undefined,
  raw: string,
):
  | { ok: true; value: ParsedValue }
  | { ok: false; reason: 'empty' | 'number' | 'domain'; message?: string } {
  const cleaned = raw.trim().replace(/[,，\s]|元$/gu, '');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  const percent = /%$|％$/u.test(cleaned);
  const number = percent ? cleaned.slice(0, -1) : cleaned;
  if (!/^\d+(\.\d+)?$/u.test(number)) return { ok: false, reason: 'number' };
  let field: 'amount' | 'rate';
  let value: string;
  if (layout.valueField === 'rate') {
    field = 'rate';
    value = percent ? dec(number).div(100).toString() : dec(number).toString();
  } else if (percent || isPercentCell(layout, entry)) {
    // A surcharge cell takes its percentage with or without the % sign.
    field = 'rate';
    value = dec(number).div(100).toString();
  } else {
    field = 'amount';
    value = dec(number).toString();
  }
  const errors = rateEntryInputErrors(
    { dimensions: [] },
    { dimensions: {}, [field]: toPlain(value) },
  ).filter((e) => e.field === field);
  if (errors.length) return { ok: false, reason: 'domain', message: errors[0]!.message };
  return { ok: true, value: { field, value: toPlain(value) } };
}

/** Decimal text without an exponent (1e-7 → 0.0000001). */
export function toPlain(value: string): string {
  return dec(value).toFixed();
}

/** The same value? (918 and 918.00 are.) */
export function sameValue(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || a === '') return b === null || b === undefined || b === '';
  if (b === null || b === undefined || b === '') return false;
  return dec(a).equals(dec(b));
}

/**
 * An amount raised or lowered by `percent` (e.g. "5", "-3.5"), decimal-exact and rounded to the
 * fen as the domain rounds yuan (roundMoney, half-up).
 */
export function adjustAmount(amount: string, percent: string): string {
  return roundMoney(
    dec(amount)
      .times(dec(100).plus(dec(percent)))
      .div(100),
  ).toFixed();
}

/** A percentage typed for a bulk adjustment: a signed decimal, not below −100. */
export function parsePercent(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/[%％\s]/gu, '')
    .replace(/^＋/u, '+')
    .replace(/^[－—]/u, '-');
  if (!/^[+-]?\d+(\.\d+)?$/u.test(s)) return null;
  const d = dec(s.replace(/^\+/u, ''));
  return d.lessThan(-100) ? null : d.toString();
}

/** Tab-separated text as copied from Excel or WPS: rows by line, cells by tab; quoted cells unquoted. */
export function parseClipboard(textIn: string): string[][] {
  const src = textIn.replace(/\r\n?/gu, '\n').replace(/\n$/u, '');
  if (src === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

/** A readable name of an entry key: item name and dimension labels (单精子注射 · 三甲), never codes joined by `|`. */
export function describeEntry(
  dimensions: DimensionDef[],
  entry: { key: string; name: string | null; dimensions?: Record<string, string> },
): string {
  const dims =
    entry.dimensions && Object.keys(entry.dimensions).length
      ? entry.dimensions
      : Object.fromEntries(dimensions.map((d, i) => [d.name, entry.key.split('|')[i] ?? '']));
  const name = entry.name?.trim() ?? '';
  // Open dimensions (item codes) only when there is no name; labels the name already says are left out.
  const labels = dimensions
    .filter((d) => !(d.open && name))
    .map((d) => dimLabel(d, dims[d.name] ?? ''))
    .filter((l) => l.trim() !== '' && !name.includes(l));
  return [name, ...labels].filter((s) => s !== '').join(' · ');
}
