import type { RateEntryInput } from '@gazette/domain';

/** A stored entry row as the input it could have been typed as (to merge a patch into it). */
export function entryInputOf(row: {
  dimensions: unknown;
  code: string | null;
  name: string | null;
  unit: string | null;
  amount: { toString(): string } | null;
  rate: { toString(): string } | null;
  baseKey: string | null;
  attributes: unknown;
  position: number;
}): RateEntryInput {
  return {
    dimensions: row.dimensions as Record<string, string>,
    code: row.code,
    name: row.name,
    unit: row.unit,
    amount: row.amount?.toString() ?? null,
    rate: row.rate?.toString() ?? null,
    baseKey: row.baseKey,
    attributes: (row.attributes as Record<string, unknown> | null) ?? null,
    position: row.position,
  };
}
