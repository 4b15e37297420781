// RateTableVersion: one version of a table (a range of dates, DRAFT or PUBLISHED), its CSV export
// and the administrators' writes: new version from a date, edit, delete, publish, CSV import.
// Each resolver calls one service of services/rates (its transaction and audit entry inside).
import { builder, checkedMaxSize } from '../builder.ts';
import { likeText, seesDrafts } from './shared.ts';
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
  id: { field: 'id' },
  // Drafts are not published (node(id) and nested fields alike).
  authScopes: (version, ctx) => version.status === 'PUBLISHED' || seesDrafts(ctx),
  fields: (t) => ({
    label: t.exposeString('label', { nullable: true }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true, description: 'Last day in force; null = while the policy is.' }),
    status: t.expose('status', { type: RateVersionStatusEnum }),
    note: t.exposeString('note', { nullable: true }),
    basedOnId: t.exposeID('basedOnId', { nullable: true }),
    publishedAt: t.string({
      nullable: true,
      description: 'ISO timestamp of publication.',
      select: { publishedAt: true },
      resolve: (v) => v.publishedAt?.toISOString() ?? null,
    }),
    version: t.exposeInt('version'),
    table: t.relation('table'),
    policy: t.relation('policy', { nullable: true, description: '设定本版本的文件(重新公布的价格表各版本有各自的文件);为 null 时即价格表的文件' }),
    sourceIssue: t.string({
      nullable: true,
      description: '刊登本版本的公报期次(由公报导入时)',
      select: { sourceIssue: { select: { label: true } } },
      resolve: (v) => v.sourceIssue?.label ?? null,
    }),
    lineFrom: t.exposeInt('lineFrom', { nullable: true, description: '附件在公报原文中的起始行' }),
    lineTo: t.exposeInt('lineTo', { nullable: true, description: '附件在公报原文中的结束行' }),
    entryCount: t.relationCount('entries'),
    entries: t.relatedConnection('entries', {
      cursor: 'id',
      maxSize: checkedMaxSize,
      args: { search: t.arg.string({ required: false, description: 'Part of the code, name or key.' }) },
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
    type: RateTableVersion,
    nullable: true,
    load: (ids: string[], ctx) => ctx.prisma.rateTableVersion.findMany({ where: { id: { in: ids } } }),
    sort: (v) => v.id,
    resolve: (v) => v.basedOnId,
  }),
}));

const RateTableVersionInput = builder.inputType('RateTableVersionInput', {
  fields: (t) => ({
    tableId: t.id({ required: true }),
    effectiveFrom: t.field({ type: 'Date', required: true }),
    effectiveTo: t.field({ type: 'Date', required: false }),
    label: t.string({ required: false }),
    note: t.string({ required: false }),
    basedOnId: t.id({ required: false, description: 'Version to copy; default: the one in force the day before effectiveFrom.' }),
    csv: t.string({ required: false, description: 'Entries as CSV instead of a copy (validated whole).' }),
  }),
});

const RateTableVersionPatch = builder.inputType('RateTableVersionPatch', {
  fields: (t) => ({
    effectiveFrom: t.field({ type: 'Date', required: false }),
    effectiveTo: t.field({ type: 'Date', required: false }),
    label: t.string({ required: false }),
    note: t.string({ required: false }),
  }),
});

builder.queryFields((t) => ({
  // CSV export of any version's entries (readable by the import).
  rateTableVersionCsv: t.string({
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => exportRateTableVersionCsv(ctx, rawId(args.id, 'RateTableVersion'), args.id),
  }),
}));

builder.mutationFields((t) => ({
  // "New version from date …": a DRAFT copy of the version in force the day before (or of
  // basedOnId), or the entries of a CSV file.
  createRateTableVersion: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    args: { input: t.arg({ type: RateTableVersionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createRateTableVersion(ctx, {
        ...input,
        tableId: rawId(input.tableId, 'RateTable', 'input.tableId'),
        basedOnId: input.basedOnId ? rawId(input.basedOnId, 'RateTableVersion', 'input.basedOnId') : null,
      });
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRateTableVersion: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: RateTableVersionPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      await updateRateTableVersion(ctx, id, args.version, args.input);
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateTableVersion: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      return deleteRateTableVersion(ctx, id, args.version, (tx) => tx.rateTableVersion.findUnique({ ...query, where: { id } }));
    },
  }),
  // Publishes a draft from its effectiveFrom and closes the version in force before it the day
  // before; the start may not lie in the past nor before a published version (domain supersede).
  publishRateTableVersion: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      await publishRateTableVersion(ctx, id, args.version);
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  // Replaces the entries of a draft (or a published version not yet started) with a CSV file.
  importRateTableVersionCsv: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), csv: t.arg.string({ required: true }) },
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
    description: '以 multipart 上传的 CSV 文件替换版本条目(UTF-8 或 GB18030;上限 32 MiB);整体校验,全部写入或不写入',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      file: t.arg({ type: 'File', required: true, description: 'The CSV file (send the x-graphql-yoga-csrf header).' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      await importRateTableVersionCsv(ctx, id, args.version, await readRateCsvFile(args.file));
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
