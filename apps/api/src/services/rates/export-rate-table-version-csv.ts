// A version's entries as CSV (readable by the import); a draft only for those who see drafts.
// Entries are read and written a page at a time (keyset on position, id) with the event loop free
// between pages, so a large version never blocks the server while it is exported.
import { DomainError, rateEntryFromRow, toRateVersionCsv } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { seesDrafts } from '../../schema/shared.ts';
import { dimensionsOf } from './support.ts';

const PAGE = 1000;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function exportRateTableVersionCsv(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer'>,
  id: string,
  shownId: string,
): Promise<string> {
  const v = await ctx.prisma.rateTableVersion.findUnique({
    where: { id },
    select: { status: true, table: { select: { dimensions: true } } },
  });
  if (!v || (v.status === 'DRAFT' && !seesDrafts(ctx))) {
    throw new DomainError('NOT_FOUND', `版本 ${shownId} 不存在`, { field: 'id' });
  }
  const table = dimensionsOf(v.table);
  const parts: string[] = [];
  let after: { position: number; id: string } | null = null;
  for (;;) {
    const rows: Awaited<ReturnType<typeof ctx.prisma.rateEntry.findMany>> =
      await ctx.prisma.rateEntry.findMany({
        where: {
          versionId: id,
          ...(after
            ? {
                OR: [
                  { position: { gt: after.position } },
                  { position: after.position, id: { gt: after.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        take: PAGE,
      });
    if (rows.length === 0 && parts.length > 0) break;
    const csv = toRateVersionCsv({ entries: rows.map(rateEntryFromRow) }, table);
    // Every page writes the header; the file has it once.
    parts.push(parts.length === 0 ? csv : csv.slice(csv.indexOf('\r\n') + 2));
    if (rows.length < PAGE) break;
    after = { position: rows[rows.length - 1]!.position, id: rows[rows.length - 1]!.id };
    await turn();
  }
  return parts.join('');
}
