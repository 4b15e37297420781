// Administrators' rate changes. A change is a new version effective from a date: it starts as a
// DRAFT copy of the version it is based on, its entries are edited, then it is published, which
// closes the previous version the day before (the domain's supersede). A version that has started
// is never edited in place. CSV import validates the whole file before anything is written.
// Each resolver calls one service of services/rates (its transaction and audit entry inside).
import type { RateEntryInput } from '@gazette/domain';
import { builder } from '../builder.ts';
import { rawId } from './ids.ts';
import { RateTableKindEnum } from './rates.ts';
import { exportRateTableVersionCsv } from '../services/rates/export-rate-table-version-csv.ts';
import { createRateTable } from '../services/rates/create-rate-table.ts';
import { updateRateTable } from '../services/rates/update-rate-table.ts';
import { deleteRateTable } from '../services/rates/delete-rate-table.ts';
import { createRateTableVersion } from '../services/rates/create-rate-table-version.ts';
import { updateRateTableVersion } from '../services/rates/update-rate-table-version.ts';
import { deleteRateTableVersion } from '../services/rates/delete-rate-table-version.ts';
import { publishRateTableVersion } from '../services/rates/publish-rate-table-version.ts';
import { importRateTableVersionCsv } from '../services/rates/import-rate-table-version-csv.ts';
import { readRateCsvFile } from '../services/rates/read-rate-csv-file.ts';
import { createRateEntry } from '../services/rates/create-rate-entry.ts';
import { updateRateEntry } from '../services/rates/update-rate-entry.ts';
import { deleteRateEntry } from '../services/rates/delete-rate-entry.ts';

const admin = { admin: true } as const;

const RateTableInput = builder.inputType('RateTableInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    kind: t.field({ type: RateTableKindEnum, required: true }),
    name: t.string({ required: true }),
    policyId: t.id({ required: true }),
    dimensions: t.field({ type: 'JSON', required: true, description: '[{ name, label, values: [{ value, label }], open?, pattern? }]' }),
  }),
});

const RateTablePatch = builder.inputType('RateTablePatch', {
  fields: (t) => ({ name: t.string({ required: false }) }),
});

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

const RateEntryInputType = builder.inputType('RateEntryInput', {
  fields: (t) => ({
    versionId: t.id({ required: true }),
    dimensions: t.field({ type: 'JSON', required: true, description: 'e.g. { "code": "311201069", "grade": "TERTIARY_A" }' }),
    code: t.string({ required: false }),
    name: t.string({ required: false }),
    unit: t.string({ required: false }),
    amount: t.field({ type: 'Decimal', required: false }),
    rate: t.field({ type: 'Decimal', required: false }),
    baseKey: t.string({ required: false }),
    attributes: t.field({ type: 'JSON', required: false }),
    position: t.int({ required: false }),
  }),
});

const RateEntryPatch = builder.inputType('RateEntryPatch', {
  fields: (t) => ({
    dimensions: t.field({ type: 'JSON', required: false }),
    code: t.string({ required: false }),
    name: t.string({ required: false }),
    unit: t.string({ required: false }),
    amount: t.field({ type: 'Decimal', required: false }),
    rate: t.field({ type: 'Decimal', required: false }),
    baseKey: t.string({ required: false }),
    attributes: t.field({ type: 'JSON', required: false }),
    position: t.int({ required: false }),
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
  createRateTable: t.prismaField({
    type: 'RateTable',
    authScopes: admin,
    args: { input: t.arg({ type: RateTableInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createRateTable(ctx, { ...input, policyId: rawId(input.policyId, 'Policy', 'input.policyId') });
      return ctx.prisma.rateTable.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRateTable: t.prismaField({
    type: 'RateTable',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: RateTablePatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTable');
      await updateRateTable(ctx, id, args.version, args.input);
      return ctx.prisma.rateTable.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateTable: t.prismaField({
    type: 'RateTable',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTable');
      return deleteRateTable(ctx, id, args.version, (tx) => tx.rateTable.findUnique({ ...query, where: { id } }));
    },
  }),

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

  createRateEntry: t.prismaField({
    type: 'RateEntry',
    authScopes: admin,
    args: { input: t.arg({ type: RateEntryInputType, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const versionId = rawId(input.versionId, 'RateTableVersion', 'input.versionId');
      const id = await createRateEntry(ctx, versionId, { ...(input as RateEntryInput), attributes: (input.attributes as Record<string, unknown>) ?? null });
      return ctx.prisma.rateEntry.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRateEntry: t.prismaField({
    type: 'RateEntry',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: RateEntryPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateRateEntry(ctx, rawId(args.id, 'RateEntry'), args.version, args.input as never);
      return ctx.prisma.rateEntry.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateEntry: t.prismaField({
    type: 'RateEntry',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateEntry');
      return deleteRateEntry(ctx, id, args.version, (tx) => tx.rateEntry.findUnique({ ...query, where: { id } }));
    },
  }),
}));
