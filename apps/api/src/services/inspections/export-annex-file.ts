// A quarter's annex as CSV or XLSX with the printed Chinese headers (importInspectionAnnexes
// reads it back). The CSV is written by export-annex-file-csv.ts, a page of rows at a time.
import type { GazetteContext } from '../../context.ts';
import type { AnnexKind } from '../../inspection-annexes/annexes.ts';
import {
  adoptionTable,
  annexFile,
  dataCollectionTable,
  newMediaTable,
  websiteTable,
  type AnnexFile,
} from '../../inspection-annexes/export.ts';
import type { AnnexFileFormat } from '../../inspection-annexes/table.ts';
import { annexCsvFileName, exportAnnexFileCsv } from './export-annex-file-csv.ts';
import { findRoundByQuarter } from './find-round-by-quarter.ts';

async function annexTable(ctx: GazetteContext, roundId: string, annex: AnnexKind) {
  const include = { organization: { select: { name: true } } } as const;
  switch (annex) {
    case 'WEBSITE':
      return websiteTable(
        await ctx.prisma.websiteFinding.findMany({ where: { roundId }, include }),
      );
    case 'NEW_MEDIA':
      return newMediaTable(
        await ctx.prisma.newMediaFinding.findMany({ where: { roundId }, include }),
      );
    case 'DATA_COLLECTION':
      return dataCollectionTable(
        await ctx.prisma.dataCollectionGap.findMany({ where: { roundId }, include }),
      );
    case 'ADOPTION':
      return adoptionTable(
        await ctx.prisma.informationAdoption.findMany({ where: { roundId }, include }),
      );
  }
}

export async function exportAnnexFile(
  ctx: GazetteContext,
  quarter: string,
  annex: AnnexKind,
  format: AnnexFileFormat,
): Promise<AnnexFile> {
  // CSV: the same chunks GET /exports/inspection-annex-files/… streams, joined.
  if (format === 'CSV') {
    const csv = await exportAnnexFileCsv(ctx, quarter, annex);
    return {
      annex,
      format,
      fileName: annexCsvFileName(csv.quarter, annex),
      mimeType: 'text/csv; charset=utf-8',
      content: csv.content,
    };
  }
  const round = await findRoundByQuarter(ctx.prisma, quarter);
  return annexFile(annex, format, round.quarter, await annexTable(ctx, round.id, annex));
}
