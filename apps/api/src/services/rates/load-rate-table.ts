// The table as the calculators need it on a date: the versions looked at (ranges), and the
// entries of the one in force (or the nearest, so an old or future code is told apart from an
// unknown one). Entries of a published version that has started never change (it is superseded,
// never edited), so they are kept in process by version id and shared by every request.
import { compareDates, rateEntryFromRow, todayInShanghai, type PlainDate, type RateEntry, type RateTable, type RateVersion } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { chooseRateVersion } from './choose-rate-version.ts';

const startedEntries = new Map<string, Promise<RateEntry[]>>();
/** Versions kept; the oldest used goes first. */
const STARTED_CACHE_LIMIT = 64;

function versionEntries(ctx: Pick<GazetteContext, 'prisma'>, version: RateVersion): Promise<RateEntry[]> {
  const id = version.id!;
  const load = () =>
    ctx.prisma.rateEntry.findMany({ where: { versionId: id }, orderBy: { position: 'asc' } }).then((rows) => rows.map(rateEntryFromRow));
  if (compareDates(version.effectiveFrom, todayInShanghai()) > 0) return load();
  let entries = startedEntries.get(id);
  if (entries) {
    // Most recently used last.
    startedEntries.delete(id);
  } else {
    if (startedEntries.size >= STARTED_CACHE_LIMIT) startedEntries.delete(startedEntries.keys().next().value!);
    entries = load();
    entries.catch(() => startedEntries.delete(id));
  }
  startedEntries.set(id, entries);
  return entries;
}

export async function loadRateTable(ctx: Pick<GazetteContext, 'prisma' | 'cache'>, key: string, asOf: PlainDate): Promise<RateTable | null> {
  const choice = await chooseRateVersion(ctx, { key }, asOf);
  if (!choice) return null;
  const { table, nearest } = choice;
  if (!nearest) return table;
  const entries = await versionEntries(ctx, nearest);
  return { ...table, versions: table.versions.map((v) => (v.id === nearest.id ? { ...v, entries } : v)) };
}
