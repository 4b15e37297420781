// What changed between two versions of one table, entry by entry (the dashboard's diff view).
// The database picks the entries that may differ (a key on one side only, or any stored value
// unlike its twin's); the domain's diffVersions decides on those alone, so two large versions
// that differ in a few entries are compared without loading either whole.
import { diffVersions, DomainError, rateEntryFromRow, type RateEntryRow } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { rawId } from '../../schema/ids.ts';
import { seesDrafts } from '../../schema/shared.ts';

async function versionRow(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer'>,
  id: string,
  field: string,
) {
  const row = await ctx.prisma.rateTableVersion.findUnique({
    where: { id: rawId(id, 'RateTableVersion', field) },
    select: { id: true, tableId: true, status: true },
  });
  if (!row || (row.status === 'DRAFT' && !seesDrafts(ctx)))
    throw new DomainError('NOT_FOUND', `版本 ${id} 不存在`, { field });
  return row;
}

type CandidateRow = RateEntryRow & { versionId: string };

export async function diffRateVersions(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer'>,
  fromId: string,
  toId: string,
): Promise<ReturnType<typeof diffVersions>> {
  const [from, to] = await Promise.all([
    versionRow(ctx, fromId, 'fromId'),
    versionRow(ctx, toId, 'toId'),
  ]);
  if (from.tableId !== to.tableId)
    throw new DomainError('BAD_USER_INPUT', '两个版本不属于同一费率表', { field: 'toId' });
  const rows = await ctx.prisma.$queryRaw<CandidateRow[]>`
    SELECT e."versionId", e.key, e.dimensions, e.code, e.name, e.unit, e.amount, e.rate, e."baseKey", e.attributes, e.position
    FROM "RateEntry" e
    WHERE e."versionId" IN (${from.id}, ${to.id}) AND NOT EXISTS (
      SELECT 1 FROM "RateEntry" o
      WHERE o."versionId" = (CASE WHEN e."versionId" = ${from.id} THEN ${to.id} ELSE ${from.id} END) AND o.key = e.key
        AND o.amount IS NOT DISTINCT FROM e.amount AND o.rate IS NOT DISTINCT FROM e.rate
        AND o."baseKey" IS NOT DISTINCT FROM e."baseKey" AND o.code IS NOT DISTINCT FROM e.code
        AND o.name IS NOT DISTINCT FROM e.name AND o.unit IS NOT DISTINCT FROM e.unit
        AND COALESCE(o.attributes, '{}'::jsonb) = COALESCE(e.attributes, '{}'::jsonb))
    ORDER BY e.position, e.key`;
  const entriesOf = (versionId: string) => ({
    entries: rows.filter((r) => r.versionId === versionId).map(rateEntryFromRow),
  });
  return diffVersions(entriesOf(from.id), entriesOf(to.id));
}
