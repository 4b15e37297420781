// Which entries the entry lists show, one filter for both: `rateEntries` (the Relay connection:
// those of `versionId`, or else of the version in force on `asOf` (today) as the one per-request
// choice has it) and `rateEntriesPage` (the dashboard's offset pages); drafts only for those who
// see drafts.
import type { PlainDate } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { asOfOrToday, likeText, seesDrafts } from '../../schema/shared.ts';
import { chooseRateVersion } from './choose-rate-version.ts';

export interface RateEntriesArgs {
  tableKey: string;
  versionId?: string | null;
  asOf?: PlainDate | null;
  code?: string | null;
}

export interface RateEntryFilterValue {
  /** The version's raw id. */
  versionId?: string | null;
  tableKey?: string | null;
  code?: string | null;
  /** Part of the code, name or key, trimmed, in any case. */
  q?: string | null;
}

const anyCase = (q: string) => ({ contains: likeText(q.trim()), mode: 'insensitive' as const });

/** The entries of a filter that names its version (or none), as the caller may see them. */
export function rateEntryWhere(
  ctx: Pick<GazetteContext, 'viewer'>,
  filter: RateEntryFilterValue,
): Prisma.RateEntryWhereInput {
  const version: Prisma.RateTableVersionWhereInput = {
    ...(filter.tableKey ? { table: { key: filter.tableKey } } : {}),
    ...(seesDrafts(ctx) ? {} : { status: 'PUBLISHED' }),
  };
  return {
    ...(filter.versionId ? { versionId: filter.versionId } : {}),
    ...(Object.keys(version).length > 0 ? { tableVersion: version } : {}),
    ...(filter.code ? { code: filter.code } : {}),
    ...(filter.q
      ? {
          OR: [
            { code: anyCase(filter.q) },
            { name: anyCase(filter.q) },
            { key: anyCase(filter.q) },
          ],
        }
      : {}),
  };
}

/** `rateEntries`' filter, its version chosen first; null when no version answers (an empty list). */
export async function rateEntriesWhere(
  ctx: GazetteContext,
  args: RateEntriesArgs,
): Promise<Prisma.RateEntryWhereInput | null> {
  const versionId =
    args.versionId ??
    (await chooseRateVersion(ctx, { key: args.tableKey }, asOfOrToday(args.asOf)))?.inForce?.id ??
    null;
  if (!versionId) return null;
  return rateEntryWhere(ctx, { versionId, tableKey: args.tableKey, code: args.code });
}
