// A quarter's annex as the CSV inspectionAnnexFile gives (the gazette's Chinese headers, UTF-8 BOM,
// CRLF), in chunks: what GET /exports/inspection-annex-files/<quarter>/<annex>.csv writes to the
// response one by one, and what the GraphQL field joins. Annexes 1 and 2 are read a page of
// findings at a time (keyset on the annex's order), so memory is bounded by a page; annex 3 and the
// adoption list hold at most a line per body and are one chunk.
import type { GazetteContext } from '../../context.ts';
import { ANNEX_LABEL, type AnnexKind } from '../../inspection-annexes/annexes.ts';
import {
  adoptionTable,
  dataCollectionTable,
  newMediaTable,
  toAnnexCsv,
  websiteTable,
  type ExportCell,
  type WebsiteFindingRow,
} from '../../inspection-annexes/export.ts';
import { ANNEX_EXPORT_PAGE_ROWS, newMediaPage, websitePage } from './export-annex-csv.ts';
import { findRoundByQuarter } from './find-round-by-quarter.ts';

type ExportCtx = Pick<GazetteContext, 'prisma'>;
const include = { organization: { select: { name: true } } } as const;

/** The file's name, as inspectionAnnexFile gives it (e.g. 2024Q4-附件1.csv). */
export const annexCsvFileName = (quarter: string, annex: AnnexKind) =>
  `${quarter}-${ANNEX_LABEL[annex]}.csv`;

/** Rows as CSV lines; the BOM and the header only in the first chunk. */
function chunk(table: readonly ExportCell[][], first: boolean): string {
  if (first) return toAnnexCsv(table);
  const rows = table.slice(1);
  return rows.length ? toAnnexCsv(rows).slice(1) : '';
}

/**
 * The CSV in chunks, with the quarter as the round names it. An unknown quarter is thrown here,
 * before any chunk.
 */
export async function annexFileCsvChunks(
  ctx: ExportCtx,
  quarter: string,
  annex: AnnexKind,
): Promise<{ quarter: string; chunks: AsyncGenerator<string> }> {
  const round = await findRoundByQuarter(ctx.prisma, quarter);
  const chunks =
    annex === 'WEBSITE'
      ? websiteChunks(ctx, round.id)
      : annex === 'NEW_MEDIA'
        ? newMediaChunks(ctx, round.id)
        : smallAnnex(ctx, round.id, annex);
  return { quarter: round.quarter, chunks };
}

/**
 * 附件1 groups a site's consecutive findings into one row: the last group of a page may go on in
 * the next, so it is held back until a page shows where it ends.
 */
async function* websiteChunks(ctx: ExportCtx, roundId: string): AsyncGenerator<string> {
  let after: { siteSeq: number; position: number } | null = null;
  let held: WebsiteFindingRow[] = [];
  for (let first = true; ; first = false) {
    const rows: WebsiteFindingRow[] = await websitePage(ctx, roundId, after);
    const all = [...held, ...rows];
    const done = rows.length < ANNEX_EXPORT_PAGE_ROWS;
    const last = all.at(-1);
    const sameGroup = (f: WebsiteFindingRow) =>
      f.siteSeq === last!.siteSeq &&
      f.siteName === last!.siteName &&
      f.organization.name === last!.organization.name;
    let cut = all.length;
    if (!done && last) while (cut > 0 && sameGroup(all[cut - 1]!)) cut--;
    held = all.slice(cut);
    const text = chunk(websiteTable(all.slice(0, cut)), first);
    if (text) yield text;
    if (done) return;
    after = rows.at(-1)!;
  }
}

async function* newMediaChunks(ctx: ExportCtx, roundId: string): AsyncGenerator<string> {
  let after: number | null = null;
  for (let first = true; ; first = false) {
    const rows: Parameters<typeof newMediaTable>[0] = await newMediaPage(ctx, roundId, after);
    const text = chunk(newMediaTable(rows), first);
    if (text) yield text;
    if (rows.length < ANNEX_EXPORT_PAGE_ROWS) return;
    after = rows.at(-1)!.seq;
  }
}

async function* smallAnnex(
  ctx: ExportCtx,
  roundId: string,
  annex: 'DATA_COLLECTION' | 'ADOPTION',
): AsyncGenerator<string> {
  yield toAnnexCsv(
    annex === 'DATA_COLLECTION'
      ? dataCollectionTable(
          await ctx.prisma.dataCollectionGap.findMany({ where: { roundId }, include }),
        )
      : adoptionTable(
          await ctx.prisma.informationAdoption.findMany({ where: { roundId }, include }),
        ),
  );
}

/** The whole CSV as one string (inspectionAnnexFile with format CSV). */
export async function exportAnnexFileCsv(
  ctx: ExportCtx,
  quarter: string,
  annex: AnnexKind,
): Promise<{ quarter: string; content: string }> {
  const { quarter: shown, chunks } = await annexFileCsvChunks(ctx, quarter, annex);
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  return { quarter: shown, content: parts.join('') };
}
