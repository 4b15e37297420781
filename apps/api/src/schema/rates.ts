import { formatDecimal, type PlainDate } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../context.ts';
import { builder, checkedMaxSize } from '../builder.ts';
import { asOfOrToday, direction, seesDrafts, SortDirection } from './shared.ts';
import { likeText } from './shared.ts';
import { chooseRateVersion } from '../services/rates/choose-rate-version.ts';

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

const decimalOrNull = (value: { toFixed(): string } | null) => (value === null ? null : formatDecimal(value as never));

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

/** Whether an entry's version is published, asked once per request per entry. */
function entryIsPublished(ctx: GazetteContext, entryId: string): Promise<boolean> {
  const key = `entryPublished:${entryId}`;
  let known = ctx.cache.get(key) as Promise<boolean> | undefined;
  if (!known) {
    known = ctx.prisma.rateEntry
      .findUnique({ where: { id: entryId }, select: { tableVersion: { select: { status: true } } } })
      .then((e) => e?.tableVersion.status === 'PUBLISHED');
    ctx.cache.set(key, known);
  }
  return known;
}

export const RateEntry = builder.prismaNode('RateEntry', {
  id: { field: 'id' },
  // A draft's entries are as unpublished as the draft (node(id)/nodes(ids) included).
  authScopes: async (entry, ctx) => seesDrafts(ctx) || (await entryIsPublished(ctx, entry.id)),
  fields: (t) => ({
    key: t.exposeString('key'),
    dimensions: t.expose('dimensions', { type: 'JSON' }),
    code: t.exposeString('code', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    amount: t.field({ type: 'Decimal', nullable: true, select: { amount: true }, resolve: (e) => decimalOrNull(e.amount) }),
    rate: t.field({ type: 'Decimal', nullable: true, select: { rate: true }, resolve: (e) => decimalOrNull(e.rate) }),
    baseKey: t.exposeString('baseKey', { nullable: true }),
    attributes: t.expose('attributes', { type: 'JSON', nullable: true }),
    position: t.exposeInt('position'),
    version: t.exposeInt('version'),
    tableVersion: t.relation('tableVersion'),
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

export function rateTableWhere(filter: { kind?: Prisma.RateTableWhereInput['kind'] | null; policyDocNo?: string | null; search?: string | null } | null | undefined): Prisma.RateTableWhereInput {
  if (!filter) return {};
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.policyDocNo ? { policy: { docNo: filter.policyDocNo.replace(/\s+/g, '').replace(/[[［]/, '〔').replace(/[\]］]/, '〕') } } : {}),
    ...(filter.search ? { OR: [{ name: { contains: likeText(filter.search) } }, { key: { contains: likeText(filter.search) } }] } : {}),
  };
}

const RATE_TABLE_SORT = { KEY: 'key', NAME: 'name', KIND: 'kind' } as const;

/** Resolves which version `rateEntries` lists: an explicit one, or the one in force on asOf. */
async function entriesVersionId(
  ctx: GazetteContext,
  tableKey: string,
  versionId: string | null | undefined,
  asOf: PlainDate | null | undefined,
): Promise<string | null> {
  if (versionId) return versionId;
  return (await chooseRateVersion(ctx, { key: tableKey }, asOfOrToday(asOf)))?.inForce?.id ?? null;
}

function entriesWhere(ctx: GazetteContext, tableKey: string, versionId: string, code: string | null | undefined): Prisma.RateEntryWhereInput {
  return {
    versionId,
    tableVersion: { table: { key: tableKey }, ...(seesDrafts(ctx) ? {} : { status: 'PUBLISHED' }) },
    ...(code ? { code } : {}),
  };
}

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
  // Entries of one version of a table: `versionId`, or else the version in force on `asOf` (today).
  rateEntries: t.prismaConnection({
    type: 'RateEntry',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      tableKey: t.arg.string({ required: true }),
      versionId: t.arg.id({ required: false }),
      asOf: t.arg({ type: 'Date', required: false }),
      code: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const versionId = await entriesVersionId(ctx, args.tableKey, args.versionId, args.asOf);
      if (!versionId) return [];
      return ctx.prisma.rateEntry.findMany({
        ...query,
        where: entriesWhere(ctx, args.tableKey, versionId, args.code),
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      });
    },
    totalCount: async (_p, args, ctx) => {
      const versionId = await entriesVersionId(ctx, args.tableKey, args.versionId, args.asOf);
      if (!versionId) return 0;
      return ctx.prisma.rateEntry.count({ where: entriesWhere(ctx, args.tableKey, versionId, args.code) });
    },
  }),
}));
