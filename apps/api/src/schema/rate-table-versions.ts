// RateTableVersion: one version of a table (a range of dates, DRAFT or PUBLISHED), its CSV export
// and the administrators' writes: new version from a date, edit, delete, publish, CSV import.
// Each resolver calls one service of services/rates (its transaction and audit entry inside).
import { builder, checkedMaxSize } from '../builder.ts';
import { likeText, seesDrafts, idVersionArgs } from './shared.ts';
import { rawId } from './ids.ts';
import { RateVersionStatusEnum } from './rate-tables.ts';
import { exportRateTableVersionCsv } from '../services/rates/export-rate-table-version-csv.ts';
import { createRateTableVersion } from '../services/rates/create-rate-table-version.ts';
import { updateRateTableVersion } from '../services/rates/update-rate-table-version.ts';
import { deleteRateTableVersion } from '../services/rates/delete-rate-table-version.ts';
import { publishRateTableVersion } from '../services/rates/publish-rate-table-version.ts';
import { importRateTableVersionCsv } from '../services/rates/import-rate-table-version-csv.ts';
import { readRateCsvFile } from '../services/rates/read-rate-csv-file.ts';

const admin = { admin: true } as const;

export const RateTableVersion = builder.prismaNode('RateTableVersion', {
  description: '价格表的一个版本:一段生效期间内的全部条目;草稿只有只读及以上角色可见',
  id: { field: 'id' },
  // Drafts are not published (node(id) and nested fields alike).
  authScopes: (version, ctx) => version.status === 'PUBLISHED' || seesDrafts(ctx),
  fields: (t) => ({
    label: t.exposeString('label', { description: '版本名称,如“2025年调整”', nullable: true }),
    effectiveFrom: t.expose('effectiveFrom', { description: '生效日期', type: 'Date' }),
    effectiveTo: t.expose('effectiveTo', {
      type: 'Date',
      nullable: true,
      description: '最后生效日(含);null 表示随文件有效',
    }),
    status: t.expose('status', { description: '状态', type: RateVersionStatusEnum }),
    note: t.exposeString('note', { description: '说明', nullable: true }),
    basedOnId: t.exposeID('basedOnId', {
      description: '复制自哪个版本(ID);不是复制来的为 null',
      nullable: true,
    }),
    publishedAt: t.string({
      nullable: true,
      description: '发布时间(ISO 时间戳);未发布为 null',
      select: { publishedAt: true },
      resolve: (v) => v.publishedAt?.toISOString() ?? null,
    }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    table: t.relation('table', { description: '所属价格表' }),
    policy: t.relation('policy', {
      nullable: true,
      description: '设定本版本的文件(重新公布的价格表各版本有各自的文件);为 null 时即价格表的文件',
    }),
    sourceIssue: t.string({
      nullable: true,
      description: '刊登本版本的公报期次(由公报导入时)',
      select: { sourceIssue: { select: { label: true } } },
      resolve: (v) => v.sourceIssue?.label ?? null,
    }),
    lineFrom: t.exposeInt('lineFrom', { nullable: true, description: '附件在公报原文中的起始行' }),
    lineTo: t.exposeInt('lineTo', { nullable: true, description: '附件在公报原文中的结束行' }),
    entryCount: t.relationCount('entries', { description: '条目数' }),
    entries: t.relatedConnection('entries', {
      description: '条目,按原表顺序',
      cursor: 'id',
      maxSize: checkedMaxSize,
      args: { search: t.arg.string({ required: false, description: '编码、名称或键中的一段' }) },
      query: (args) => ({
        where: args.search
          ? {
              OR: [
                { code: { contains: likeText(args.search) } },
                { name: { contains: likeText(args.search) } },
                { key: { contains: likeText(args.search) } },
              ],
            }
          : {},
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      }),
      totalCount: true,
    }),
  }),
});

// basedOnId is no Prisma relation, so Prisma cannot batch it: a dataloader does.
builder.prismaObjectFields('RateTableVersion', (t) => ({
  basedOn: t.loadable({
    description: '复制自哪个版本;不是复制来的为 null',
    type: RateTableVersion,
    nullable: true,
    load: (ids: string[], ctx) =>
      ctx.prisma.rateTableVersion.findMany({ where: { id: { in: ids } } }),
    sort: (v) => v.id,
    resolve: (v) => v.basedOnId,
  }),
}));

const RateTableVersionInput = builder.inputType('RateTableVersionInput', {
  description: '新建价格表版本的内容:默认复制前一日生效的版本,或由 CSV 提供条目;新版本为草稿',
  fields: (t) => ({
    tableId: t.id({ description: '所属价格表的全局 ID', required: true }),
    effectiveFrom: t.field({ description: '生效日期', type: 'Date', required: true }),
    effectiveTo: t.field({
      description: '最后生效日(含);缺省为随文件有效',
      type: 'Date',
      required: false,
    }),
    label: t.string({ description: '版本名称', required: false }),
    note: t.string({ description: '说明', required: false }),
    basedOnId: t.id({
      required: false,
      description: '要复制的版本;缺省复制生效日期前一日生效的版本',
    }),
    csv: t.string({ required: false, description: '以 CSV 提供条目而不复制(整体校验)' }),
  }),
});

const RateTableVersionPatch = builder.inputType('RateTableVersionPatch', {
  description: '价格表版本的修改内容;缺省的字段保持不变',
  fields: (t) => ({
    effectiveFrom: t.field({ description: '生效日期', type: 'Date', required: false }),
    effectiveTo: t.field({ description: '最后生效日(含)', type: 'Date', required: false }),
    label: t.string({ description: '版本名称', required: false }),
    note: t.string({ description: '说明', required: false }),
  }),
});

builder.queryFields((t) => ({
  // CSV export of any version's entries (readable by the import).
  rateTableVersionCsv: t.string({
    description: '导出一个版本的条目为 CSV(可由 importRateTableVersionCsv 原样导入)',
    args: { id: t.arg.id({ description: '版本的全局 ID', required: true }) },
    resolve: (_root, args, ctx) =>
      exportRateTableVersionCsv(ctx, rawId(args.id, 'RateTableVersion'), args.id),
  }),
}));

builder.mutationFields((t) => ({
  // "New version from date …": a DRAFT copy of the version in force the day before (or of
  // basedOnId), or the entries of a CSV file.
  createRateTableVersion: t.prismaField({
    description:
      '从某日起新建价格表版本(需管理员权限):复制前一日生效的版本(或 basedOnId 指定的版本),或使用 CSV 提供的条目;新版本为草稿',
    type: 'RateTableVersion',
    authScopes: admin,
    args: {
      input: t.arg({ description: '新版本的内容', type: RateTableVersionInput, required: true }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createRateTableVersion(ctx, {
        ...input,
        tableId: rawId(input.tableId, 'RateTable', 'input.tableId'),
        basedOnId: input.basedOnId
          ? rawId(input.basedOnId, 'RateTableVersion', 'input.basedOnId')
          : null,
      });
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRateTableVersion: t.prismaField({
    description:
      '修改价格表版本(需管理员权限);已生效的已发布版本不能原地修改;version 不是当前值时报 CONFLICT',
    type: 'RateTableVersion',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '版本'),
      input: t.arg({ description: '修改内容', type: RateTableVersionPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      await updateRateTableVersion(ctx, id, args.version, args.input);
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateTableVersion: t.prismaField({
    description: '删除价格表版本(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'RateTableVersion',
    authScopes: admin,
    args: { ...idVersionArgs(t.arg, '版本') },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      return deleteRateTableVersion(ctx, id, args.version, (tx) =>
        tx.rateTableVersion.findUnique({ ...query, where: { id } }),
      );
    },
  }),
  // Publishes a draft from its effectiveFrom and closes the version in force before it the day
  // before; the start may not lie in the past nor before a published version (domain supersede).
  publishRateTableVersion: t.prismaField({
    description:
      '发布草稿版本(需管理员权限):自其生效日期起参与计算,之前生效的版本于前一日截止;生效日期不能早于今天,也不能早于已发布的版本',
    type: 'RateTableVersion',
    authScopes: admin,
    args: { ...idVersionArgs(t.arg, '版本') },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      await publishRateTableVersion(ctx, id, args.version);
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  // Replaces the entries of a draft (or a published version not yet started) with a CSV file.
  importRateTableVersionCsv: t.prismaField({
    description:
      '以 CSV 文本替换版本的全部条目(需管理员权限;草稿或尚未生效的已发布版本);整体校验,全部写入或不写入',
    type: 'RateTableVersion',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '版本'),
      csv: t.arg.string({
        description: 'CSV 文本(与 rateTableVersionCsv 导出的格式相同)',
        required: true,
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      await importRateTableVersionCsv(ctx, id, args.version, args.csv);
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  // The same with the file as a GraphQL multipart upload (large files; no 2 MiB string).
  importRateTableVersionCsvFile: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    description:
      '以 multipart 上传的 CSV 文件替换版本条目(UTF-8 或 GB18030;上限 32 MiB);整体校验,全部写入或不写入',
    args: {
      ...idVersionArgs(t.arg, '版本'),
      file: t.arg({
        type: 'File',
        required: true,
        description: 'CSV 文件(须带 x-graphql-yoga-csrf 请求头)',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      await importRateTableVersionCsv(ctx, id, args.version, await readRateCsvFile(args.file));
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
