// What changed between two versions of one table, entry by entry (the dashboard's diff view).
import { diffVersions, DomainError, rateVersionFromRow } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { rawId } from '../../schema/ids.ts';
import { seesDrafts } from '../../schema/shared.ts';

async function loadVersion(ctx: Pick<GazetteContext, 'prisma' | 'viewer'>, id: string, field: string) {
  const row = await ctx.prisma.rateTableVersion.findUnique({ where: { id: rawId(id, 'RateTableVersion', field) }, include: { entries: true } });
  if (!row || (row.status === 'DRAFT' && !seesDrafts(ctx))) throw new DomainError('NOT_FOUND', `版本 ${id} 不存在`, { field });
  return row;
}

export async function diffRateVersions(ctx: Pick<GazetteContext, 'prisma' | 'viewer'>, fromId: string, toId: string): Promise<ReturnType<typeof diffVersions>> {
  const [from, to] = await Promise.all([loadVersion(ctx, fromId, 'fromId'), loadVersion(ctx, toId, 'toId')]);
  if (from.tableId !== to.tableId) throw new DomainError('BAD_USER_INPUT', '两个版本不属于同一费率表', { field: 'toId' });
  return diffVersions(rateVersionFromRow(from), rateVersionFromRow(to));
}
