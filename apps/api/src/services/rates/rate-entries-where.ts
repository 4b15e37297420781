// Which entries `rateEntries` lists: those of `versionId`, or else of the version in force on
// `asOf` (today) as the one per-request choice has it; drafts only for those who see drafts.
import type { PlainDate } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { asOfOrToday, seesDrafts } from '../../schema/shared.ts';
import { chooseRateVersion } from './choose-rate-version.ts';

export interface RateEntriesArgs {
  tableKey: string;
  versionId?: string | null;
  asOf?: PlainDate | null;
  code?: string | null;
}

/** The filter of the listed entries, or null when no version answers (an empty list). */
export async function rateEntriesWhere(
  ctx: GazetteContext,
  args: RateEntriesArgs,
): Promise<Prisma.RateEntryWhereInput | null> {
  const versionId =
    args.versionId ??
    (await chooseRateVersion(ctx, { key: args.tableKey }, asOfOrToday(args.asOf)))?.inForce?.id ??
    null;
  if (!versionId) return null;
  return {
    versionId,
    tableVersion: {
      table: { key: args.tableKey },
      ...(seesDrafts(ctx) ? {} : { status: 'PUBLISHED' }),
    },
    ...(args.code ? { code: args.code } : {}),
  };
}
