// RateTable: a document's table of rates (its dimensions and versions), the queries that find
// tables, and the administrators' writes of a table (each resolver calls one service).
import { builder, checkedMaxSize } from '../builder.ts';
import { asOfOrToday, direction, seesDrafts, SortDirection } from './shared.ts';
import { rawId } from './ids.ts';
import { chooseRateVersion } from '../services/rates/choose-rate-version.ts';
import { rateTableWhere } from '../services/rates/rate-table-where.ts';
import { createRateTable } from '../services/rates/create-rate-table.ts';
import { updateRateTable } from '../services/rates/update-rate-table.ts';
import { deleteRateTable } from '../services/rates/delete-rate-table.ts';

const admin = { admin: true } as const;

export const RateTableKindEnum = builder.enumType('RateTableKind', {
  values: {
    MEDICAL_SERVICE_PRICE: { description: '泸市医保规〔2024〕4号 医疗服务价格' },
    LAND_TRANSFER_FEE: { description: '泸市自然资规函〔2024〕425号 出让金标准' },
    LAND_TERM_COEFFICIENT: { description: '年期修正系数(管理员维护)' },
    REHAB_ASSISTANCE: { description: '泸市府规〔2024〕4号 残疾儿童康复救助标准' },
  },
});

export const RateVersionStatusEnum = builder.enumType('RateVersionStatus', {
  values: {
    DRAFT: { description: '草稿:可编辑,不参与计算' },
    PUBLISHED: { description: '已发布:自生效日起参与计算;生效后不能原地修改' },
  },
});

export const RateTable = builder.prismaNode('RateTable', {
  id: { field: 'id' },
  fields: (t) => ({
    key: t.exposeString('key'),
    kind: t.expose('kind', { type: RateTableKindEnum }),
    name: t.exposeString('name'),
    dimensions: t.expose('dimensions', { type: 'JSON' }),
    version: t.exposeInt('version'),
    policy: t.relation('policy'),
    versions: t.relatedConnection('versions', {
      cursor: 'id',
      maxSize: checkedMaxSize,
      args: {
        status: t.arg({ type: RateVersionStatusEnum, required: false }),
        direction: t.arg({ type: SortDirection, required: false, description: 'By effectiveFrom; ASC (oldest first) by default.' }),
      },
      query: (args, ctx) => ({
        where: { AND: [args.status ? { status: args.status } : {}, seesDrafts(ctx) ? {} : { status: 'PUBLISHED' as const }] },
        orderBy: [{ effectiveFrom: direction(args.direction) }, { createdAt: direction(args.direction) }, { id: 'asc' }],
      }),
      totalCount: true,
    }),
    // The published version in force on asOf (today when omitted), or null.
    versionInForce: t.prismaField({
      type: 'RateTableVersion',
      nullable: true,
      args: { asOf: t.arg({ type: 'Date', required: false }) },
      resolve: async (query, table, args, ctx) => {
        const inForce = (await chooseRateVersion(ctx, { id: table.id }, asOfOrToday(args.asOf)))?.inForce;
        return inForce ? ctx.prisma.rateTableVersion.findUnique({ ...query, where: { id: inForce.id! } }) : null;
      },
    }),
  }),
});

export const RateTableFilter = builder.inputType('RateTableFilter', {
  fields: (t) => ({
    kind: t.field({ type: RateTableKindEnum, required: false }),
    policyDocNo: t.string({ required: false }),
    search: t.string({ required: false }),
  }),
});

export const RateTableSortField = builder.enumType('RateTableSortField', { values: ['KEY', 'NAME', 'KIND'] as const });
export const RateTableSort = builder.inputType('RateTableSort', {
  fields: (t) => ({
    field: t.field({ type: RateTableSortField, required: true }),
    direction: t.field({ type: SortDirection, required: false }),
  }),
});

const RATE_TABLE_SORT = { KEY: 'key', NAME: 'name', KIND: 'kind' } as const;


builder.queryFields((t) => ({
  rateTable: t.prismaField({
    type: 'RateTable',
    nullable: true,
    args: { key: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.rateTable.findUnique({ ...query, where: { key: args.key } }),
  }),
  rateTables: t.prismaConnection({
    type: 'RateTable',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ type: RateTableFilter, required: false }),
      sort: t.arg({ type: RateTableSort, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.rateTable.findMany({
        ...query,
        where: rateTableWhere(args.filter),
        orderBy: [{ [RATE_TABLE_SORT[args.sort?.field ?? 'KEY']]: direction(args.sort?.direction) }, { id: 'asc' }],
      }),
    totalCount: (_p, args, ctx) => ctx.prisma.rateTable.count({ where: rateTableWhere(args.filter) }),
  }),
}));

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
}));
