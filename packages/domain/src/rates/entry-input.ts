import { badInput } from '../shared/errors.ts';
import { parseDecimal } from '../shared/money.ts';
import type { DimensionDef, RateEntry, RateTable } from './model.ts';
import { entryKey } from './versions.ts';

/** An entry as people type it: decimals as strings. */
export interface RateEntryInput {
  dimensions: Record<string, string>;
  code?: string | null;
  name?: string | null;
  unit?: string | null;
  amount?: string | null;
  rate?: string | null;
  baseKey?: string | null;
  attributes?: Record<string, unknown> | null;
  position?: number | null;
}

export interface RateFieldError {
  /** Path of the bad field, e.g. `entries[3].amount` or `dimensions.grade`. */
  field: string;
  message: string;
}

const patterns = new Map<string, RegExp>();
/** A dimension's pattern compiled once (a CSV checks it on every row). */
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source);
    if (patterns.size < 256) patterns.set(source, re);
  }
  return re;
}

function checkDimension(def: DimensionDef, raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return `${def.name}(${def.label})不能为空`;
  if (value.includes('|')) return `${def.name}(${def.label})不能包含“|”:${value}`;
  if (def.values.some((v) => v.value === value)) return null;
  if (def.open && (!def.pattern || patternOf(def.pattern).test(value))) return null;
  const allowed = def.values.map((v) => `${v.value}(${v.label})`).join('、');
  return `${def.name}(${def.label})无效:${value}${allowed ? `,应为 ${allowed}${def.open ? ' 或其他符合格式的值' : ''}` : ''}`;
}

/**
 * Every problem of one entry input against the table's dimensions, as field errors (empty when
 * fine). Exactly one of amount (yuan) and rate (a fraction) is required.
 */
/** Integer digits and decimal places the database keeps for each value. */
const STORED = { amount: { digits: 10, places: 4 }, rate: { digits: 4, places: 6 } } as const;

export function rateEntryInputErrors(
  table: Pick<RateTable, 'dimensions'>,
  input: RateEntryInput,
  path = '',
): RateFieldError[] {
  const errors: RateFieldError[] = [];
  const at = (f: string) => (path ? `${path}.${f}` : f);
  for (const def of table.dimensions) {
    const msg = checkDimension(def, input.dimensions?.[def.name]);
    if (msg) errors.push({ field: at(`dimensions.${def.name}`), message: msg });
  }
  const extra = Object.keys(input.dimensions ?? {}).filter(
    (k) => !table.dimensions.some((d) => d.name === k),
  );
  for (const k of extra)
    errors.push({ field: at(`dimensions.${k}`), message: `表中没有维度 ${k}` });
  const hasAmount =
    input.amount !== undefined && input.amount !== null && input.amount.trim() !== '';
  const hasRate = input.rate !== undefined && input.rate !== null && input.rate.trim() !== '';
  if (hasAmount === hasRate) {
    errors.push({ field: at('amount'), message: 'amount(金额)与 rate(比例)须且只能填写一项' });
  }
  for (const [f, label, value] of [
    ['amount', '金额', input.amount],
    ['rate', '比例', input.rate],
  ] as const) {
    if (value === undefined || value === null || value.trim() === '') continue;
    const text = value.trim();
    if (!/^\d+(\.\d+)?$/.test(text)) {
      errors.push({ field: at(f), message: `${f}(${label})应为非负十进制数字:${value}` });
      continue;
    }
    // What the database stores exactly (RateEntry: amount numeric(14,4), rate numeric(10,6)):
    // anything finer or larger is refused, never rounded or overflowed in silence.
    const [whole, fraction = ''] = text.split('.');
    const { digits, places } = STORED[f];
    if (fraction.length > places) {
      errors.push({ field: at(f), message: `${f}(${label})最多 ${places} 位小数:${value}` });
    } else if (whole!.replace(/^0+(?=\d)/u, '').length > digits) {
      errors.push({ field: at(f), message: `${f}(${label})整数部分最多 ${digits} 位:${value}` });
    }
  }
  if (input.baseKey && !hasRate) {
    errors.push({
      field: at('baseKey'),
      message: 'baseKey(基准项目)只用于按比例计价的条目,须同时填写 rate',
    });
  }
  return errors;
}

/** Builds an entry from input, or throws BAD_USER_INPUT naming the first bad field. */
export function buildRateEntry(
  table: Pick<RateTable, 'dimensions'>,
  input: RateEntryInput,
  position = 0,
  path = '',
): RateEntry {
  const errors = rateEntryInputErrors(table, input, path);
  const first = errors[0];
  if (first) throw badInput(first.field, first.message, { errors });
  const dimensions: Record<string, string> = {};
  for (const d of table.dimensions) dimensions[d.name] = (input.dimensions[d.name] ?? '').trim();
  const blank = (v: string | null | undefined) =>
    v === undefined || v === null || v.trim() === '' ? null : v.trim();
  const amount = blank(input.amount);
  const rate = blank(input.rate);
  return {
    key: entryKey(table, dimensions),
    dimensions,
    // A table whose dimension is the item code (medical prices) needs no separate code column.
    code: blank(input.code) ?? dimensions.code ?? null,
    name: blank(input.name),
    unit: blank(input.unit),
    amount: amount === null ? null : parseDecimal(amount, path ? `${path}.amount` : 'amount'),
    rate: rate === null ? null : parseDecimal(rate, path ? `${path}.rate` : 'rate'),
    baseKey: blank(input.baseKey),
    attributes: input.attributes ?? {},
    position: input.position ?? position,
  };
}

/**
 * Entry-set rules of a whole version, checked as entries are added (a large file is checked a
 * batch at a time): unique keys at once, every baseKey naming an entry of it at the end.
 */
export class VersionEntryChecker {
  private readonly keys = new Map<string, number>();
  private readonly based: Array<{ index: number; baseKey: string }> = [];
  constructor(private readonly path = 'entries') {}

  /** The entry at `index`: a duplicate of an earlier key, or nothing. */
  add(entry: RateEntry, index: number): RateFieldError[] {
    if (entry.baseKey) this.based.push({ index, baseKey: entry.baseKey });
    const prior = this.keys.get(entry.key);
    if (prior !== undefined)
      return [
        {
          field: `${this.path}[${index}].dimensions`,
          message: `条目 ${entry.key} 与第 ${prior + 1} 条重复`,
        },
      ];
    this.keys.set(entry.key, index);
    return [];
  }

  /** Every baseKey that names no entry added. */
  finish(): RateFieldError[] {
    return this.based
      .filter((b) => !this.keys.has(b.baseKey))
      .map((b) => ({
        field: `${this.path}[${b.index}].baseKey`,
        message: `baseKey(基准项目)${b.baseKey} 不在本版本中`,
      }));
  }
}

/** Entry-set rules of a whole version: unique keys, and every baseKey naming an entry of it. */
export function versionEntryErrors(entries: RateEntry[], path = 'entries'): RateFieldError[] {
  const checker = new VersionEntryChecker(path);
  const duplicates = entries.flatMap((e, i) => checker.add(e, i));
  return [...duplicates, ...checker.finish()];
}
