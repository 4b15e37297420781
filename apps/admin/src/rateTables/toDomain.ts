import { dec, type RateEntry } from '@gazette/domain';
import type { ApiRateEntry } from '../dataProvider/rateTables.ts';

/** API entries (decimals as strings) in the domain's shape, for diffs and CSV. */
export function toDomainEntry(e: ApiRateEntry): RateEntry {
  return {
    key: e.key,
    dimensions: e.dimensions ?? {},
    code: e.code,
    name: e.name,
    unit: e.unit,
    amount: e.amount === null || e.amount === undefined ? null : dec(e.amount),
    rate: e.rate === null || e.rate === undefined ? null : dec(e.rate),
    baseKey: e.baseKey,
    attributes: e.attributes ?? {},
    position: e.position,
  };
}
