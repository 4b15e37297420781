// RateTable: a document's table of rates (its dimensions and versions), the queries that find
// tables, and the administrators' writes of a table (each resolver calls one service).
import { builder, checkedMaxSize } from '../builder.ts';
import { asOfOrToday, direction, seesDrafts, SortDirection, idVersionArgs } from './shared.ts';
import { rawId } from './ids.ts';
import { chooseRateVersion } from '../services/rates/choose-rate-version.ts';
import { rateTableWhere } from '../services/rates/rate-table-where.ts';
import { createRateTable } from '../services/rates/create-rate-table.ts';
import { updateRateTable } from '../services/rates/update-rate-table.ts';
import { deleteRateTable } from '../services/rates/delete-rate-table.ts';

const admin = { admin: true } as const;

export const RateTableKindEnum = builder.enumType('RateTableKind', {
  description: '价格表的种类(所依据的文件)',
  values: {
    MEDICAL_SERVICE_PRICE: { description: '泸市医保规〔2024〕4号 医疗服务价格' },
    LAND_TRANSFER_FEE: { description: '泸市自然资规函〔2024〕425号 出让金标准' },
    LAND_TERM_COEFFICIENT: { description: '年期修正系数(管理员维护)' },
    REHAB_ASSISTANCE: { description: '泸市府规〔2024〕4号 残疾儿童康复救助标准' },
  },
});

export const RateVersionStatusEnum = builder.enumType('RateVersionStatus', {
  description: '价格表版本的状态',
  values: {
    DRAFT: { description: '草稿:可编辑,不参与计算' },
    PUBLISHED: { description: '已发布:自生效日起参与计算;生效后不能原地修改' },
  },
});

export const RateTable = builder.prismaNode('RateTable', {
  description: '价格表:一份文件公布的价格或标准,按维度(如医院等级)组织,可有多个生效日期不同的版本',
  id: { field: 'id' },
  fields: (t) => ({
    key: t.exposeString('key', { description: '价格表的键,唯一(按键查找价格表与条目)' }),
    kind: t.expose('kind', { description: '种类', type: RateTableKindEnum }),
    name: t.exposeString('name', { description: '名称' }),
    dimensions: t.expose('dimensions', {
      description: '维度定义:[{ name, label, values: [{ value, label }], open?, pattern? }]',
      type: 'JSON',
    }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    policy: t.relation('policy', { description: '公布它的规范性文件' }),
    versions: t.relatedConnection('versions', {
      description: '各版本,按生效日期排序;没有只读(VIEWER)及以上角色时只列出已发布的版本',
      cursor: 'id',
      maxSize: checkedMaxSize,
      args: {
        status: t.arg({
          description: '只看这个状态的版本',
          type: RateVersionStatusEnum,
          required: false,
        }),
        direction: t.arg({
          type: SortDirection,
          required: false,
          description: '按生效日期排序的方向,缺省升序(最早的在前)',
        }),
      },
      query: (args, ctx) => ({
        where: {
          AND: [
            args.status ? { status: args.status } : {},
            seesDrafts(ctx) ? {} : { status: 'PUBLISHED' as const },
          ],
        },
        orderBy: [
          { effectiveFrom: direction(args.direction) },
          { createdAt: direction(args.direction) },
          { id: 'asc' },
        ],
      }),
      totalCount: true,
    }),
    // The published version in force on asOf (today when omitted), or null.
    versionInForce: t.prismaField({
      description: '在 asOf 当日生效的已发布版本;没有时为 null',
      type: 'RateTableVersion',
      nullable: true,
      args: {
        asOf: t.arg({
          description: '日期,缺省为今天(Asia/Shanghai)',
          type: 'Date',
          required: false,
        }),
      },
      resolve: async (query, table, args, ctx) => {
        const inForce = (await chooseRateVersion(ctx, { id: table.id }, asOfOrToday(args.asOf)))
          ?.inForce;
        return inForce
          ? ctx.prisma.rateTableVersion.findUnique({ ...query, where: { id: inForce.id! } })
          : null;
      },
    }),
  }),
});

export const RateTableFilter = builder.inputType('RateTableFilter', {
  description: '价格表列表的筛选条件;各条件同时满足',
  fields: (t) => ({
    kind: t.field({ description: '只看这个种类', type: RateTableKindEnum, required: false }),
    policyDocNo: t.string({
      description: '只看这份文件(文号,任意括号写法)公布的价格表',
      required: false,
    }),
    search: t.string({ description: '键或名称中的一段', required: false }),
  }),
});

export const RateTableSortField = builder.enumType('RateTableSortField', {
  description: '价格表列表的排序字段',
  values: {
    KEY: { description: '键' },
    NAME: { description: '名称' },
    KIND: { description: '种类' },
  } as const,
});
export const RateTableSort = builder.inputType('RateTableSort', {
  description: '价格表列表的排序',
  fields: (t) => ({
    field: t.field({ description: '排序字段', type: RateTableSortField, required: true }),
    direction: t.field({ description: '排序方向,缺省升序', type: SortDirection, required: false }),
  }),
});

const RATE_TABLE_SORT = { KEY: 'key', NAME: 'name', KIND: 'kind' } as const;

builder.queryFields((t) => ({
  rateTable: t.prismaField({
    description: '按键查找价格表;找不到时为 null',
    type: 'RateTable',
    nullable: true,
    args: { key: t.arg.string({ description: '价格表的键', required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.rateTable.findUnique({ ...query, where: { key: args.key } }),
  }),
  rateTables: t.prismaConnection({
    description: '价格表列表(Relay 连接)',
    type: 'RateTable',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ description: '筛选条件', type: RateTableFilter, required: false }),
      sort: t.arg({ description: '排序,缺省按键升序', type: RateTableSort, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.rateTable.findMany({
        ...query,
        where: rateTableWhere(args.filter),
        orderBy: [
          { [RATE_TABLE_SORT[args.sort?.field ?? 'KEY']]: direction(args.sort?.direction) },
          { id: 'asc' },
        ],
      }),
    totalCount: (_p, args, ctx) =>
      ctx.prisma.rateTable.count({ where: rateTableWhere(args.filter) }),
  }),
}));

const RateTableInput = builder.inputType('RateTableInput', {
  description: '新建价格表的内容',
  fields: (t) => ({
    key: t.string({ description: '价格表的键,唯一', required: true }),
    kind: t.field({ description: '种类', type: RateTableKindEnum, required: true }),
    name: t.string({ description: '名称', required: true }),
    policyId: t.id({ description: '公布它的规范性文件的全局 ID', required: true }),
    dimensions: t.field({
      type: 'JSON',
      required: true,
      description: '维度定义:[{ name, label, values: [{ value, label }], open?, pattern? }]',
    }),
  }),
});

const RateTablePatch = builder.inputType('RateTablePatch', {
  description: '价格表的修改内容',
  fields: (t) => ({ name: t.string({ description: '名称;缺省时保持不变', required: false }) }),
});

builder.mutationFields((t) => ({
  createRateTable: t.prismaField({
    description: '新建价格表(需管理员权限)',
    type: 'RateTable',
    authScopes: admin,
    args: { input: t.arg({ description: '新价格表的内容', type: RateTableInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createRateTable(ctx, {
        ...input,
        policyId: rawId(input.policyId, 'Policy', 'input.policyId'),
      });
      return ctx.prisma.rateTable.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRateTable: t.prismaField({
    description: '修改价格表(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'RateTable',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '价格表'),
      input: t.arg({ description: '修改内容', type: RateTablePatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTable');
      await updateRateTable(ctx, id, args.version, args.input);
      return ctx.prisma.rateTable.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateTable: t.prismaField({
    description: '删除价格表(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'RateTable',
    authScopes: admin,
    args: { ...idVersionArgs(t.arg, '价格表') },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTable');
      return deleteRateTable(ctx, id, args.version, (tx) =>
        tx.rateTable.findUnique({ ...query, where: { id } }),
      );
    },
  }),
}));
