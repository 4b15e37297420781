// The table as the calculators need it on a date: the versions looked at (ranges), and the
// entries of the one in force (or the nearest, so an old or future code is told apart from an
// unknown one). Entries of a published version that has started never change (it is superseded,
// never edited), so they are kept in process by version id and shared by every request.
import {
  compareDates,
  rateEntryFromRow,
  todayInShanghai,
  type PlainDate,
  type RateEntry,
  type RateTable,
  type RateVersion,
} from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { chooseRateVersion } from './choose-rate-version.ts';

const startedEntries = new Map<string, { entries: Promise<RateEntry[]>; size: number }>();
/** Entries kept in all (a large table's versions are many thousands each); the least recently used go first. */
const CACHED_ENTRIES_LIMIT = 200_000;
let cachedEntries = 0;

function forget(id: string): void {
  const known = startedEntries.get(id);
  if (!known) return;
  startedEntries.delete(id);
  cachedEntries -= known.size;
}

function versionEntries(
  ctx: Pick<GazetteContext, 'prisma'>,
  version: RateVersion,
): Promise<RateEntry[]> {
  const id = version.id!;
  const load = () =>
    ctx.prisma.rateEntry
      .findMany({ where: { versionId: id }, orderBy: { position: 'asc' } })
      .then((rows) => rows.map(rateEntryFromRow));
  if (compareDates(version.effectiveFrom, todayInShanghai()) > 0) return load();
  const known = startedEntries.get(id);
  if (known) {
    // Most recently used last.
    startedEntries.delete(id);
    startedEntries.set(id, known);
    return known.entries;
  }
  const slot = { entries: load(), size: 0 };
  startedEntries.set(id, slot);
  slot.entries.then(
    (entries) => {
      if (startedEntries.get(id) !== slot) return;
      slot.size = entries.length;
      cachedEntries += entries.length;
      for (const oldest of startedEntries.keys()) {
        if (cachedEntries <= CACHED_ENTRIES_LIMIT) break;
        forget(oldest);
      }
    },
    () => forget(id),
  );
  return slot.entries;
}

export async function loadRateTable(
  ctx: Pick<GazetteContext, 'prisma' | 'cache'>,
  key: string,
  asOf: PlainDate,
): Promise<RateTable | null> {
  const choice = await chooseRateVersion(ctx, { key }, asOf);
  if (!choice) return null;
  const { table, nearest } = choice;
  if (!nearest) return table;
  const entries = await versionEntries(ctx, nearest);
  return {
    ...table,
    versions: table.versions.map((v) => (v.id === nearest.id ? { ...v, entries } : v)),
  };
}
