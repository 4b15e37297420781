// Rectification progress of the rounds a request asks for, from the rounds' tallies (maintained by
// the database as findings are written): one statement per request however many rounds (a
// per-request DataLoader batches them), and no finding read.
import DataLoader from 'dataloader';
import { rectificationProgressOf, type RectificationProgress } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';

interface Row {
  id: string;
  quarter: string;
  wTotal: number;
  wRectified: number;
  nTotal: number;
  nRectified: number;
}

async function countRounds(
  ctx: GazetteContext,
  roundIds: readonly string[],
): Promise<RectificationProgress[]> {
  const rows = await ctx.prisma.$queryRaw<Row[]>`
    SELECT r.id, r.quarter, coalesce(t."websiteIssues", 0) AS "wTotal", coalesce(t."websiteIssuesRectified", 0) AS "wRectified",
           coalesce(t."newMediaIssues", 0) AS "nTotal", coalesce(t."newMediaIssuesRectified", 0) AS "nRectified"
    FROM "InspectionRound" r
    LEFT JOIN "InspectionRoundTally" t ON t."roundId" = r.id
    WHERE r.id = ANY(${[...roundIds]}::text[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return roundIds.map((id) => {
    const r = byId.get(id);
    if (!r) throw new Error(`inspection round ${id} vanished`);
    return rectificationProgressOf({
      quarter: r.quarter,
      website: { total: r.wTotal, rectified: r.wRectified },
      newMedia: { total: r.nTotal, rectified: r.nRectified },
    });
  });
}

export function loadRectificationProgress(
  ctx: GazetteContext,
  roundId: string,
): Promise<RectificationProgress> {
  const key = 'inspections:rectificationProgress';
  let loader = ctx.cache.get(key) as DataLoader<string, RectificationProgress> | undefined;
  if (!loader) {
    loader = new DataLoader((ids) => countRounds(ctx, ids));
    ctx.cache.set(key, loader);
  }
  return loader.load(roundId);
}
