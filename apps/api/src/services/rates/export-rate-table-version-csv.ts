// A version's entries as CSV, the format the CSV import reads (importRateTableVersionCsv, the
// dashboard's 导入 CSV): exported and imported into a new draft, it gives equal entries. A draft
// only for those who see drafts.
// Entries are read and rendered a page at a time (keyset on position, id): the chunks are what
// GET /exports/rate-table-versions/<id>.csv writes to the response one by one (memory bounded by
// a page whatever the version's size), and what the GraphQL field joins.
import { DomainError, rateEntryFromRow, toRateVersionCsv } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { seesDrafts } from '../../schema/shared.ts';
import { dimensionsOf } from './support.ts';

/** Entries per page (and so per chunk of the CSV). */
export const EXPORT_PAGE_ROWS = 1000;

type ExportCtx = Pick<GazetteContext, 'prisma' | 'viewer'>;

/**
 * The CSV in chunks (the header in the first) and the file's name (`<table>-<effective from>.csv`):
 * NOT_FOUND is thrown here, before any chunk, for a version that does not exist or that the viewer
 * may not see.
 */
export async function rateTableVersionCsvFile(
  ctx: ExportCtx,
  id: string,
  shownId: string,
): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  const v = await ctx.prisma.rateTableVersion.findUnique({
    where: { id },
    select: {
      status: true,
      effectiveFrom: true,
      table: { select: { name: true, dimensions: true } },
    },
  });
  if (!v || (v.status === 'DRAFT' && !seesDrafts(ctx))) {
    throw new DomainError('NOT_FOUND', `版本 ${shownId} 不存在`, { field: 'id' });
  }
  return {
    fileName: `${v.table.name}-${v.effectiveFrom.toISOString().slice(0, 10)}.csv`,
    chunks: pages(ctx, id, dimensionsOf(v.table)),
  };
}

/** The CSV in chunks (see rateTableVersionCsvFile). */
export async function rateTableVersionCsvChunks(
  ctx: ExportCtx,
  id: string,
  shownId: string,
): Promise<AsyncGenerator<string>> {
  return (await rateTableVersionCsvFile(ctx, id, shownId)).chunks;
}

async function* pages(
  ctx: ExportCtx,
  id: string,
  table: ReturnType<typeof dimensionsOf>,
): AsyncGenerator<string> {
  let after: { position: number; id: string } | null = null;
  for (let first = true; ; first = false) {
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
        take: EXPORT_PAGE_ROWS,
      });
    if (rows.length === 0 && !first) return;
    const csv = toRateVersionCsv({ entries: rows.map(rateEntryFromRow) }, table);
    // Every page renders the header; the file has it once.
    yield first ? csv : csv.slice(csv.indexOf('\r\n') + 2);
    if (rows.length < EXPORT_PAGE_ROWS) return;
    after = { position: rows[rows.length - 1]!.position, id: rows[rows.length - 1]!.id };
  }
}

/** The whole CSV as one string (the GraphQL field rateTableVersionCsv). */
export async function exportRateTableVersionCsv(
  ctx: ExportCtx,
  id: string,
  shownId: string,
): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of await rateTableVersionCsvChunks(ctx, id, shownId)) parts.push(chunk);
  return parts.join('');
}
