// A version's entries as CSV (readable by the import); a draft only for those who see drafts.
import { DomainError, rateTableFromRows, rateVersionFromRow, toRateVersionCsv } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { seesDrafts } from '../../schema/shared.ts';

export async function exportRateTableVersionCsv(ctx: Pick<GazetteContext, 'prisma' | 'viewer'>, id: string, shownId: string): Promise<string> {
  const v = await ctx.prisma.rateTableVersion.findUnique({ where: { id }, include: { entries: true, table: { include: { policy: true } } } });
  if (!v || (v.status === 'DRAFT' && !seesDrafts(ctx))) {
    throw new DomainError('NOT_FOUND', `版本 ${shownId} 不存在`, { field: 'id' });
  }
  const table = rateTableFromRows(v.table, v.table.policy, []);
  return toRateVersionCsv(rateVersionFromRow(v), table);
}
