import type { Decimal } from '../shared/money.ts';
import type { RateEntry, RateVersion } from './model.ts';

export type RateEntryField =
  'amount' | 'rate' | 'baseKey' | 'code' | 'name' | 'unit' | 'attributes';

export interface RateEntryChange {
  key: string;
  before: RateEntry;
  after: RateEntry;
  fields: RateEntryField[];
}

export interface RateVersionDiff {
  added: RateEntry[];
  removed: RateEntry[];
  changed: RateEntryChange[];
}

function sameDecimal(a: Decimal | null, b: Decimal | null): boolean {
  if (a === null || b === null) return a === b;
  return a.eq(b);
}

/** JSON with sorted object keys, so attribute order does not count as a change. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function changedFields(a: RateEntry, b: RateEntry): RateEntryField[] {
  const fields: RateEntryField[] = [];
  if (!sameDecimal(a.amount, b.amount)) fields.push('amount');
  if (!sameDecimal(a.rate, b.rate)) fields.push('rate');
  if (a.baseKey !== b.baseKey) fields.push('baseKey');
  if (a.code !== b.code) fields.push('code');
  if (a.name !== b.name) fields.push('name');
  if (a.unit !== b.unit) fields.push('unit');
  if (stableJson(a.attributes) !== stableJson(b.attributes)) fields.push('attributes');
  return fields;
}

/** What changed from version `a` to version `b`, entry by entry (for the dashboard). */
export function diffVersions(
  a: Pick<RateVersion, 'entries'>,
  b: Pick<RateVersion, 'entries'>,
): RateVersionDiff {
  const before = new Map(a.entries.map((e) => [e.key, e]));
  const after = new Map(b.entries.map((e) => [e.key, e]));
  const added = b.entries.filter((e) => !before.has(e.key));
  const removed = a.entries.filter((e) => !after.has(e.key));
  const changed: RateEntryChange[] = [];
  for (const e of b.entries) {
    const old = before.get(e.key);
    if (!old) continue;
    const fields = changedFields(old, e);
    if (fields.length > 0) changed.push({ key: e.key, before: old, after: e, fields });
  }
  return { added, removed, changed };
}
