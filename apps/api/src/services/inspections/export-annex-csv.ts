// Annex 1 or 2 as CSV with the English headers of the first CSV import (inspectionAnnexCsv),
// read and rendered a page of findings at a time (keyset on the annex's order): the chunks are
// what GET /exports/inspection-annexes/<quarter>/<annex>.csv writes to the response one by one
// (memory bounded by a page whatever the round's size), and what the GraphQL field joins.
import { DomainError } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import type { AnnexKind } from '../../inspection-annexes/annexes.ts';
import { NEW_MEDIA_COLUMNS, toCsv, WEBSITE_COLUMNS } from '../../inspection-csv.ts';
import { findRoundByQuarter } from './find-round-by-quarter.ts';

/** Findings per page (and so per chunk of the CSV). */
export const ANNEX_EXPORT_PAGE_ROWS = 1000;

type Cell = string | number | boolean;
type ExportCtx = Pick<GazetteContext, 'prisma'>;
const organization = { select: { name: true } } as const;

/**
 * The CSV in chunks (the header in the first). A bad annex or an unknown quarter is thrown here,
 * before any chunk.
 */
export async function annexCsvChunks(
  ctx: ExportCtx,
  quarter: string,
  annex: AnnexKind,
): Promise<AsyncGenerator<string>> {
  if (annex !== 'WEBSITE' && annex !== 'NEW_MEDIA') {
    throw new DomainError(
      'BAD_USER_INPUT',
      'inspectionAnnexCsv 只导出附件1、附件2;其他附件请用 inspectionAnnexFile',
      { field: 'annex' },
    );
  }
  const round = await findRoundByQuarter(ctx.prisma, quarter);
  return annex === 'WEBSITE' ? websitePages(ctx, round.id) : newMediaPages(ctx, round.id);
}

/** A page as CSV: the header only on the first (the header has neither quotes nor newlines). */
function render(header: readonly string[], rows: Cell[][], first: boolean): string {
  const csv = toCsv(header, rows);
  return first ? csv : csv.slice(csv.indexOf('\n') + 1);
}

async function* websitePages(ctx: ExportCtx, roundId: string): AsyncGenerator<string> {
  let after: { siteSeq: number; position: number } | null = null;
  for (let first = true; ; first = false) {
    const rows: Awaited<ReturnType<typeof websitePage>> = await websitePage(ctx, roundId, after);
    if (rows.length === 0 && !first) return;
    yield render(
      WEBSITE_COLUMNS,
      rows.map((r) => [
        r.siteSeq,
        r.siteName,
        r.description,
        r.rectified ? '是' : '否',
        r.organization.name,
      ]),
      first,
    );
    if (rows.length < ANNEX_EXPORT_PAGE_ROWS) return;
    after = rows[rows.length - 1]!;
  }
}

// (roundId, siteSeq, position) is unique: the keyset needs no id. Also read by export-annex-file-csv.ts.
export const websitePage = (
  ctx: ExportCtx,
  roundId: string,
  after: { siteSeq: number; position: number } | null,
) =>
  ctx.prisma.websiteFinding.findMany({
    where: {
      roundId,
      ...(after
        ? {
            OR: [
              { siteSeq: { gt: after.siteSeq } },
              { siteSeq: after.siteSeq, position: { gt: after.position } },
            ],
          }
        : {}),
    },
    include: { organization },
    orderBy: [{ siteSeq: 'asc' }, { position: 'asc' }],
    take: ANNEX_EXPORT_PAGE_ROWS,
  });

async function* newMediaPages(ctx: ExportCtx, roundId: string): AsyncGenerator<string> {
  let after: number | null = null;
  for (let first = true; ; first = false) {
    // (roundId, seq) is unique.
    const rows: Awaited<ReturnType<typeof newMediaPage>> = await newMediaPage(ctx, roundId, after);
    if (rows.length === 0 && !first) return;
    yield render(
      NEW_MEDIA_COLUMNS,
      rows.map((r) => [
        r.seq,
        r.account,
        r.organization.name,
        r.platform,
        r.description,
        r.rectified === null ? '' : r.rectified ? '是' : '否',
      ]),
      first,
    );
    if (rows.length < ANNEX_EXPORT_PAGE_ROWS) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export const newMediaPage = (ctx: ExportCtx, roundId: string, after: number | null) =>
  ctx.prisma.newMediaFinding.findMany({
    where: { roundId, ...(after === null ? {} : { seq: { gt: after } }) },
    include: { organization },
    orderBy: { seq: 'asc' },
    take: ANNEX_EXPORT_PAGE_ROWS,
  });

/** The whole CSV as one string (the GraphQL field inspectionAnnexCsv). */
export async function exportAnnexCsv(
  ctx: ExportCtx,
  quarter: string,
  annex: AnnexKind,
): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of await annexCsvChunks(ctx, quarter, annex)) parts.push(chunk);
  return parts.join('');
}
