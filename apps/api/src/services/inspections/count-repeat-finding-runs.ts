// How many repeat-finding runs include a quarter, for repeatFindingRuns' totalCount. A quarter's
// runs are its occurrences also found in the quarter before or after (one run per key through a
// quarter), so the count costs what that quarter's findings cost, whatever the history's length;
// no run is walked to its ends. Unscoped, the count would walk the whole history: not offered.
import type { PrismaClient } from '@gazette/db';
import { ROUNDS, runProbes } from './list-repeat-finding-runs.ts';

export interface RepeatFindingCountOptions {
  matchIssue: boolean;
  /** Normalised, e.g. 2024Q4. */
  quarter: string;
  /** Only this body's runs (a raw id). */
  organizationId?: string | null;
}

export async function countRepeatFindingRuns(
  db: PrismaClient,
  options: RepeatFindingCountOptions,
): Promise<number> {
  const { throughQuarter } = runProbes(options.matchIssue, options.organizationId ?? null);
  const [row] = await db.$queryRaw<{ n: number }[]>`
    WITH ${ROUNDS}
    SELECT count(*)::int AS n FROM (${throughQuarter(options.quarter)}) runs`;
  return row?.n ?? 0;
}
