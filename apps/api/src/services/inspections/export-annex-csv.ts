// Annex 1 or 2 as CSV with the English headers of the first CSV import (inspectionAnnexCsv).
import { DomainError } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import type { AnnexKind } from '../../inspection-annexes/annexes.ts';
import { NEW_MEDIA_COLUMNS, toCsv, WEBSITE_COLUMNS } from '../../inspection-csv.ts';
import { findRoundByQuarter } from './find-round-by-quarter.ts';

export async function exportAnnexCsv(
  ctx: GazetteContext,
  quarter: string,
  annex: AnnexKind,
): Promise<string> {
  if (annex !== 'WEBSITE' && annex !== 'NEW_MEDIA') {
    throw new DomainError(
      'BAD_USER_INPUT',
      'inspectionAnnexCsv 只导出附件1、附件2;其他附件请用 inspectionAnnexFile',
      { field: 'annex' },
    );
  }
  const round = await findRoundByQuarter(ctx.prisma, quarter);
  if (annex === 'WEBSITE') {
    const rows = await ctx.prisma.websiteFinding.findMany({
      where: { roundId: round.id },
      include: { organization: true },
      orderBy: [{ siteSeq: 'asc' }, { position: 'asc' }],
    });
    return toCsv(
      WEBSITE_COLUMNS,
      rows.map((r) => [
        r.siteSeq,
        r.siteName,
        r.description,
        r.rectified ? '是' : '否',
        r.organization.name,
      ]),
    );
  }
  const rows = await ctx.prisma.newMediaFinding.findMany({
    where: { roundId: round.id },
    include: { organization: true },
    orderBy: { seq: 'asc' },
  });
  return toCsv(
    NEW_MEDIA_COLUMNS,
    rows.map((r) => [
      r.seq,
      r.account,
      r.organization.name,
      r.platform,
      r.description,
      r.rectified === null ? '' : r.rectified ? '是' : '否',
    ]),
  );
}
