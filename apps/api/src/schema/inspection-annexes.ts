// A quarter's annexes in and out: 附件1 websites, 附件2 new media, 附件3 data collection and the
// information-adoption list, as CSV or XLSX with the headers the gazette prints (see
// apps/api/src/inspection-annexes/README.md). Imports are validated whole and replace the
// quarter's records of the annexes given; exports import back to the same records.
import { DomainError } from '@gazette/domain';
import { builder } from '../builder.ts';
import type { AnnexFile } from '../inspection-annexes/export.ts';
import {
  ANNEX_ARGUMENT,
  type AnnexUpload,
  type AnnexUploads,
} from '../inspection-annexes/import.ts';
import type { AnnexFileFormat } from '../inspection-annexes/table.ts';
import { exportAnnexCsv } from '../services/inspections/export-annex-csv.ts';
import { exportAnnexFile } from '../services/inspections/export-annex-file.ts';
import { importInspectionAnnexes } from '../services/inspections/import-inspection-annexes.ts';

const admin = { admin: true } as const;

export const AnnexEnum = builder.enumType('InspectionAnnex', {
  description: '季度检查情况通报的附件(按公报印刷的表头)',
  values: {
    WEBSITE: { description: '附件1 网站:序号, 检查网站, 存在问题, 是否整改完成 [, 所属单位]' },
    NEW_MEDIA: {
      description:
        '附件2 政务新媒体:序号, 新媒体名称, 所属区县或部门, 类型, 存在的突出问题 [, 是否整改完成]',
    },
    DATA_COLLECTION: { description: '附件3 政务数据汇集:类别, 数据年份, 部门(或印刷的两列形式)' },
    ADOPTION: { description: '信息采用情况(通报正文一(三)):评价, 单位' },
  },
});

export const AnnexFileFormatEnum = builder.enumType('AnnexFileFormat', {
  description: '附件文件的格式',
  values: {
    CSV: {
      description: 'CSV 文本,UTF-8 编码(忽略 BOM;上传的文件也可以是 Excel 保存的 GB18030 编码)',
    },
    XLSX: {
      description: 'Excel 工作簿:读取以附件命名的工作表(附件1 …),没有则读取第一个工作表',
    },
  },
});

const AnnexFileInput = builder.inputType('AnnexFileInput', {
  description:
    '一个附件文件:content(CSV 文本,或 base64 编码的 XLSX)与 file(GraphQL multipart 上传)二选一。' +
    '整个请求不超过 2 MiB,因此 base64 编码的 XLSX 约不超过 1.5 MiB。',
  fields: (t) => ({
    format: t.field({ description: '文件格式', type: AnnexFileFormatEnum, required: true }),
    content: t.string({
      required: false,
      description: '内容:CSV 为文本;XLSX 为 base64 编码的文件(也接受 data: URL)',
    }),
    file: t.field({
      type: 'File',
      required: false,
      description: '以 multipart 方式上传的文件(须带 x-graphql-yoga-csrf 请求头)',
    }),
    fileName: t.string({
      required: false,
      description: '错误信息中使用的文件名;缺省为上传文件的文件名',
    }),
  }),
});

const InspectionAnnexFilesInput = builder.inputType('InspectionAnnexFilesInput', {
  description: '要导入的附件:给出的每个附件替换该季度该附件的全部记录,未给出的保持不变',
  fields: (t) => ({
    website: t.field({ type: AnnexFileInput, required: false, description: '附件1 网站' }),
    newMedia: t.field({ type: AnnexFileInput, required: false, description: '附件2 政务新媒体' }),
    dataCollection: t.field({
      type: AnnexFileInput,
      required: false,
      description: '附件3 政务数据汇集',
    }),
    adoption: t.field({ type: AnnexFileInput, required: false, description: '信息采用情况' }),
  }),
});

const AnnexFileRef = builder.objectRef<AnnexFile>('AnnexFile').implement({
  description:
    "导出的附件文件,使用公报印刷的中文表头;以 = + - @ 开头的文本单元格前加 ' 以防公式注入",
  fields: (t) => ({
    annex: t.field({ description: '附件', type: AnnexEnum, resolve: (f) => f.annex }),
    format: t.field({
      description: '文件格式',
      type: AnnexFileFormatEnum,
      resolve: (f) => f.format,
    }),
    fileName: t.exposeString('fileName', { description: '建议的文件名' }),
    mimeType: t.exposeString('mimeType', { description: '文件的 MIME 类型' }),
    content: t.exposeString('content', {
      description: '内容:CSV 为以 UTF-8 BOM 开头的文本;XLSX 为 base64 编码的文件',
    }),
  }),
});

builder.queryFields((t) => ({
  inspectionAnnexFile: t.field({
    type: AnnexFileRef,
    description:
      '导出某季度的一个附件(CSV 或 XLSX,公报印刷的中文表头);可用 importInspectionAnnexes 原样导入',
    args: {
      quarter: t.arg.string({ description: '季度,如 2024Q4', required: true }),
      annex: t.arg({ description: '附件', type: AnnexEnum, required: true }),
      format: t.arg({ description: '文件格式', type: AnnexFileFormatEnum, required: true }),
    },
    resolve: (_root, args, ctx) => exportAnnexFile(ctx, args.quarter, args.annex, args.format),
  }),
  // CSV export of a quarter's annex 1 or 2 with the English headers of importInspectionAnnexesCsv.
  inspectionAnnexCsv: t.string({
    description:
      '导出附件1 或附件2 为英文表头(siteSeq、siteName …)的 CSV;建议改用 inspectionAnnexFile',
    args: {
      quarter: t.arg.string({ description: '季度,如 2024Q4', required: true }),
      annex: t.arg({
        description: '附件(仅 WEBSITE 或 NEW_MEDIA)',
        type: AnnexEnum,
        required: true,
      }),
    },
    resolve: (_root, args, ctx) => exportAnnexCsv(ctx, args.quarter, args.annex),
  }),
}));

type FileInput =
  | {
      format: AnnexFileFormat;
      content?: string | null;
      file?: AnnexUpload['file'];
      fileName?: string | null;
    }
  | null
  | undefined;

builder.mutationFields((t) => ({
  importInspectionAnnexes: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    description:
      '导入季度检查附件(需管理员权限):给出的每个附件以文件各行替换该季度该附件的记录。全部成功或全不写入:任一文件有错误行时报 ' +
      'BAD_USER_INPUT,extensions.rows 列出每个错误行({ annex, file, fileName, sheet, line, column, cell, message })',
    args: {
      quarter: t.arg.string({ description: '季度,如 2024Q4', required: true }),
      version: t.arg.int({
        required: true,
        description: '检查轮次当前的版本号(不一致时报 CONFLICT)',
      }),
      annexes: t.arg({
        description: '要导入的附件文件',
        type: InspectionAnnexFilesInput,
        required: true,
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const a = args.annexes;
      const uploads: AnnexUploads = {
        WEBSITE: a.website as FileInput,
        NEW_MEDIA: a.newMedia as FileInput,
        DATA_COLLECTION: a.dataCollection as FileInput,
        ADOPTION: a.adoption as FileInput,
      };
      if (!Object.values(uploads).some(Boolean))
        throw new DomainError('BAD_USER_INPUT', '至少提供一个附件文件', { field: 'annexes' });
      const id = await importInspectionAnnexes(ctx, {
        quarter: args.quarter,
        version: args.version,
        uploads,
        field: (annex) => `annexes.${ANNEX_ARGUMENT[annex]}`,
        action: 'inspectionRound.importAnnexes',
      });
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),

  // The first import: annexes 1 and 2 as CSV strings (English or printed Chinese headers).
  importInspectionAnnexesCsv: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    description:
      '以 CSV 文本导入附件1 和附件2(需管理员权限);规则与 importInspectionAnnexes 相同,建议改用后者',
    args: {
      quarter: t.arg.string({ description: '季度,如 2024Q4', required: true }),
      version: t.arg.int({
        required: true,
        description: '检查轮次当前的版本号(不一致时报 CONFLICT)',
      }),
      websiteCsv: t.arg.string({ description: '附件1 网站检查结果的 CSV 文本', required: false }),
      newMediaCsv: t.arg.string({
        description: '附件2 政务新媒体检查结果的 CSV 文本',
        required: false,
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      if (args.websiteCsv == null && args.newMediaCsv == null) {
        throw new DomainError('BAD_USER_INPUT', '至少提供一个附件的 CSV', { field: 'websiteCsv' });
      }
      const uploads: AnnexUploads = {
        WEBSITE: args.websiteCsv != null ? { format: 'CSV', content: args.websiteCsv } : null,
        NEW_MEDIA: args.newMediaCsv != null ? { format: 'CSV', content: args.newMediaCsv } : null,
      };
      const id = await importInspectionAnnexes(ctx, {
        quarter: args.quarter,
        version: args.version,
        uploads,
        field: (annex) => (annex === 'WEBSITE' ? 'websiteCsv' : 'newMediaCsv'),
        action: 'inspectionRound.importCsv',
      });
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
