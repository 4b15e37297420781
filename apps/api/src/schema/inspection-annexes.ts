// A quarter's annexes in and out: 附件1 websites, 附件2 new media, 附件3 data collection and the
// information-adoption list, as CSV or XLSX with the headers the gazette prints (see
// apps/api/src/inspection-annexes/README.md). Imports are validated whole and replace the
// quarter's records of the annexes given; exports import back to the same records.
import { DomainError, formatQuarter, parseQuarter } from '@gazette/domain';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { NEW_MEDIA_COLUMNS, toCsv, WEBSITE_COLUMNS } from '../inspection-csv.ts';
import type { AnnexImportAction } from '../audit-actions.ts';
import { type AnnexKind } from '../inspection-annexes/annexes.ts';
import { adoptionTable, annexFile, dataCollectionTable, newMediaTable, websiteTable, type AnnexFile } from '../inspection-annexes/export.ts';
import { annexErrors, parseAnnexUploads, replaceAnnexes, type AnnexUpload, type AnnexUploads } from '../inspection-annexes/import.ts';
import type { AnnexFileFormat } from '../inspection-annexes/table.ts';
import { loadBodyResolver } from '../services/organizations/resolve-body.ts';
import type { Tx } from './write-helpers.ts';

const admin = { admin: true } as const;

export const AnnexEnum = builder.enumType('InspectionAnnex', {
  values: {
    WEBSITE: { description: '附件1 网站:序号, 检查网站, 存在问题, 是否整改完成 [, 所属单位]' },
    NEW_MEDIA: { description: '附件2 政务新媒体:序号, 新媒体名称, 所属区县或部门, 类型, 存在的突出问题 [, 是否整改完成]' },
    DATA_COLLECTION: { description: '附件3 政务数据汇集:类别, 数据年份, 部门(或印刷的两列形式)' },
    ADOPTION: { description: '信息采用情况(通报正文一(三)):评价, 单位' },
  },
});

export const AnnexFileFormatEnum = builder.enumType('AnnexFileFormat', {
  values: {
    CSV: { description: 'CSV text, UTF-8 (a BOM is ignored; an uploaded file may also be GB18030, as Excel saves it).' },
    XLSX: { description: 'An Excel workbook: the sheet named after the annex (附件1 …), else the first sheet.' },
  },
});

const AnnexFileInput = builder.inputType('AnnexFileInput', {
  description:
    'One annex file: `content` (CSV text, or the XLSX bytes in base64) or `file` (a GraphQL multipart upload), not both. ' +
    'The whole request is limited to 2 MiB, so base64 XLSX content to about 1.5 MiB.',
  fields: (t) => ({
    format: t.field({ type: AnnexFileFormatEnum, required: true }),
    content: t.string({ required: false, description: 'CSV: the text. XLSX: the file in base64 (a data: URL is accepted).' }),
    file: t.field({ type: 'File', required: false, description: 'The file as a multipart upload (send the x-graphql-yoga-csrf header).' }),
    fileName: t.string({ required: false, description: 'Named in error messages; defaults to the uploaded file name.' }),
  }),
});

const InspectionAnnexFilesInput = builder.inputType('InspectionAnnexFilesInput', {
  description: "The annexes to import; each one given replaces that annex's records of the quarter, the others stay.",
  fields: (t) => ({
    website: t.field({ type: AnnexFileInput, required: false, description: '附件1 网站' }),
    newMedia: t.field({ type: AnnexFileInput, required: false, description: '附件2 政务新媒体' }),
    dataCollection: t.field({ type: AnnexFileInput, required: false, description: '附件3 政务数据汇集' }),
    adoption: t.field({ type: AnnexFileInput, required: false, description: '信息采用情况' }),
  }),
});

const AnnexFileRef = builder.objectRef<AnnexFile>('AnnexFile').implement({
  description: 'An exported annex with the printed Chinese headers; text cells starting with = + - @ are prefixed with \'.',
  fields: (t) => ({
    annex: t.field({ type: AnnexEnum, resolve: (f) => f.annex }),
    format: t.field({ type: AnnexFileFormatEnum, resolve: (f) => f.format }),
    fileName: t.exposeString('fileName'),
    mimeType: t.exposeString('mimeType'),
    content: t.exposeString('content', { description: 'CSV: the text, starting with a UTF-8 BOM. XLSX: the bytes in base64.' }),
  }),
});

export async function roundByQuarter(ctx: GazetteContext | { prisma: Tx }, quarter: string) {
  const q = formatQuarter(parseQuarter(quarter, 'quarter'));
  const round = await (ctx.prisma as Tx).inspectionRound.findUnique({ where: { quarter: q } });
  if (!round) throw new DomainError('NOT_FOUND', `没有 ${q} 的检查记录`, { field: 'quarter' });
  return round;
}

const FIELD: Record<AnnexKind, string> = { WEBSITE: 'website', NEW_MEDIA: 'newMedia', DATA_COLLECTION: 'dataCollection', ADOPTION: 'adoption' };

async function annexTable(ctx: GazetteContext, roundId: string, annex: AnnexKind) {
  const include = { organization: { select: { name: true } } } as const;
  switch (annex) {
    case 'WEBSITE':
      return websiteTable(await ctx.prisma.websiteFinding.findMany({ where: { roundId }, include }));
    case 'NEW_MEDIA':
      return newMediaTable(await ctx.prisma.newMediaFinding.findMany({ where: { roundId }, include }));
    case 'DATA_COLLECTION':
      return dataCollectionTable(await ctx.prisma.dataCollectionGap.findMany({ where: { roundId }, include }));
    case 'ADOPTION':
      return adoptionTable(await ctx.prisma.informationAdoption.findMany({ where: { roundId }, include }));
  }
}

builder.queryFields((t) => ({
  inspectionAnnexFile: t.field({
    type: AnnexFileRef,
    description: "A quarter's annex as CSV or XLSX with the printed Chinese headers; importInspectionAnnexes reads it back.",
    args: {
      quarter: t.arg.string({ required: true }),
      annex: t.arg({ type: AnnexEnum, required: true }),
      format: t.arg({ type: AnnexFileFormatEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const round = await roundByQuarter(ctx, args.quarter);
      return annexFile(args.annex, args.format, round.quarter, await annexTable(ctx, round.id, args.annex));
    },
  }),
  // CSV export of a quarter's annex 1 or 2 with the English headers of importInspectionAnnexesCsv.
  inspectionAnnexCsv: t.string({
    description: 'Annex 1 or 2 as CSV with English headers (siteSeq, siteName …). Prefer inspectionAnnexFile.',
    args: { quarter: t.arg.string({ required: true }), annex: t.arg({ type: AnnexEnum, required: true }) },
    resolve: async (_root, args, ctx) => {
      if (args.annex !== 'WEBSITE' && args.annex !== 'NEW_MEDIA') {
        throw new DomainError('BAD_USER_INPUT', 'inspectionAnnexCsv 只导出附件1、附件2;其他附件请用 inspectionAnnexFile', { field: 'annex' });
      }
      const round = await roundByQuarter(ctx, args.quarter);
      if (args.annex === 'WEBSITE') {
        const rows = await ctx.prisma.websiteFinding.findMany({ where: { roundId: round.id }, include: { organization: true }, orderBy: [{ siteSeq: 'asc' }, { position: 'asc' }] });
        return toCsv(WEBSITE_COLUMNS, rows.map((r) => [r.siteSeq, r.siteName, r.description, r.rectified ? '是' : '否', r.organization.name]));
      }
      const rows = await ctx.prisma.newMediaFinding.findMany({ where: { roundId: round.id }, include: { organization: true }, orderBy: { seq: 'asc' } });
      return toCsv(NEW_MEDIA_COLUMNS, rows.map((r) => [r.seq, r.account, r.organization.name, r.platform, r.description, r.rectified === null ? '' : r.rectified ? '是' : '否']));
    },
  }),
}));

type FileInput = { format: AnnexFileFormat; content?: string | null; file?: AnnexUpload['file']; fileName?: string | null } | null | undefined;

/** Validates every file, then (none bad) replaces the annexes given; stale version → CONFLICT. */
async function importAnnexes(ctx: GazetteContext, quarter: string, version: number, uploads: AnnexUploads, field: (a: AnnexKind) => string, action: AnnexImportAction) {
  const round = await roundByQuarter(ctx, quarter);
  const { rows, errors } = await parseAnnexUploads(uploads, await loadBodyResolver(ctx.prisma));
  if (errors.length) throw annexErrors(errors, field);
  const formats = Object.fromEntries(Object.entries(uploads).filter(([, u]) => u).map(([k, u]) => [k, u!.format]));
  await replaceAnnexes(ctx, round, version, rows, { action, formats });
  return round.id;
}

builder.mutationFields((t) => ({
  importInspectionAnnexes: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    description:
      "Replaces the quarter's records of each annex given with the file's rows. All or nothing: any bad row in any file is " +
      'BAD_USER_INPUT with every bad row in extensions.rows ({ annex, file, fileName, sheet, line, column, cell, message }).',
    args: {
      quarter: t.arg.string({ required: true }),
      version: t.arg.int({ required: true, description: "The round's version (stale → CONFLICT)." }),
      annexes: t.arg({ type: InspectionAnnexFilesInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const a = args.annexes;
      const uploads: AnnexUploads = { WEBSITE: a.website as FileInput, NEW_MEDIA: a.newMedia as FileInput, DATA_COLLECTION: a.dataCollection as FileInput, ADOPTION: a.adoption as FileInput };
      if (!Object.values(uploads).some(Boolean)) throw new DomainError('BAD_USER_INPUT', '至少提供一个附件文件', { field: 'annexes' });
      const id = await importAnnexes(ctx, args.quarter, args.version, uploads, (annex) => `annexes.${FIELD[annex]}`, 'inspectionRound.importAnnexes');
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),

  // The first import: annexes 1 and 2 as CSV strings (English or printed Chinese headers).
  importInspectionAnnexesCsv: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    description: 'Annexes 1 and 2 as CSV text; the same rules as importInspectionAnnexes, which supersedes it.',
    args: {
      quarter: t.arg.string({ required: true }),
      version: t.arg.int({ required: true, description: "The round's version (stale → CONFLICT)." }),
      websiteCsv: t.arg.string({ required: false }),
      newMediaCsv: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      if (args.websiteCsv == null && args.newMediaCsv == null) {
        throw new DomainError('BAD_USER_INPUT', '至少提供一个附件的 CSV', { field: 'websiteCsv' });
      }
      const uploads: AnnexUploads = {
        WEBSITE: args.websiteCsv != null ? { format: 'CSV', content: args.websiteCsv } : null,
        NEW_MEDIA: args.newMediaCsv != null ? { format: 'CSV', content: args.newMediaCsv } : null,
      };
      const id = await importAnnexes(ctx, args.quarter, args.version, uploads, (annex) => (annex === 'WEBSITE' ? 'websiteCsv' : 'newMediaCsv'), 'inspectionRound.importCsv');
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
