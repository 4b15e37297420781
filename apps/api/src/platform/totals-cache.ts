// Remembered unfiltered totals (issue 9): a list's `totalCount` without a filter is the whole
// table's count, the same for every caller until something writes. Counting 10,000 cases cost
// each first page of the case list about as much as the rest of the request, and grew with the
// history, so the count is kept in process, per table, exactly as counted, until this instance
// hears of a write: it lives and dies with the response cache (platform/response-cache.ts), whose
// flush follows every mutation here, every streamed import, and every write elsewhere
// (NOTIFY gazette_cache from another instance, gazette_changes from the change feed), and which is
// bypassed while its listener is down. A count that started before a flush is never kept.
//
// Not remembered: AuditEntry (sign-ins and sign-outs write entries without a flush; past
// EXACT_COUNT_LIMIT rows it is the planner's estimate anyway). A remembered total is dropped after
// MAX_AGE_MS whatever happens, so a write path that forgot to flush is wrong for a minute at most.
import type { FlushableCache } from './response-cache.ts';

export type RememberedTable = 'Policy' | 'Organization' | 'DiscretionCase';

export const MAX_AGE_MS = 60_000;

export interface TotalsCache {
  /** The remembered total of `table`, if one is still good. */
  get(table: RememberedTable): number | undefined;
  /** Taken before counting: `remember` keeps the count only if no write was heard since. */
  ticket(): number;
  remember(table: RememberedTable, total: number, ticket: number): void;
}

export function createTotalsCache(
  store: Pick<FlushableCache, 'generation' | 'active'>,
  now: () => number = Date.now,
): TotalsCache {
  let generation = store.generation;
  const totals = new Map<RememberedTable, { total: number; at: number }>();
  /** Forgets everything counted before the last flush; false while flushes are not heard. */
  const current = () => {
    if (!store.active) return false;
    if (store.generation !== generation) {
      totals.clear();
      generation = store.generation;
    }
    return true;
  };
  return {
    get(table) {
      if (!current()) return undefined;
      const kept = totals.get(table);
      if (!kept) return undefined;
      if (now() - kept.at > MAX_AGE_MS) {
        totals.delete(table);
        return undefined;
      }
      return kept.total;
    },
    ticket: () => store.generation,
    remember(table, total, ticket) {
      if (current() && ticket === generation) totals.set(table, { total, at: now() });
    },
  };
}

/**
 * The total `count` gives, kept in `totals` (when there are) unless a write was heard while it ran.
 * The count must start in this same turn of the event loop (no flush can come between).
 */
export async function countRemembered(
  totals: TotalsCache | undefined,
  table: RememberedTable,
  count: () => Promise<number>,
): Promise<number> {
  const ticket = totals?.ticket();
  const total = await count();
  if (ticket !== undefined) totals?.remember(table, total, ticket);
  return total;
}
