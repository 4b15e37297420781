// RateEntry: one cell of a version (a point in the table's dimensions and its value), the public
// list of a version's entries, and the administrators' writes of one entry (one service each).
import type { InputFieldBuilder } from '@pothos/core';
import { formatDecimal, type RateEntryInput } from '@gazette/domain';
import type { GazetteContext } from '../context.ts';
import { builder, checkedMaxSize } from '../builder.ts';
import { seesDrafts, idVersionArgs, type BuilderTypes } from './shared.ts';
import { rawId } from './ids.ts';
import { rateEntriesWhere } from '../services/rates/rate-entries-where.ts';
import { createRateEntry } from '../services/rates/create-rate-entry.ts';
import { updateRateEntry } from '../services/rates/update-rate-entry.ts';
import { deleteRateEntry } from '../services/rates/delete-rate-entry.ts';

const admin = { admin: true } as const;

/** A stored or domain decimal in plain notation; null stays null. */
export const decimalOrNull = (value: { toFixed(): string } | null) =>
  value === null ? null : formatDecimal(value as never);

/** What a stored entry row and the domain's entry (a version's value in a diff) both hold. */
interface EntryValueShape {
  code: string | null;
  name: string | null;
  unit: string | null;
  amount: { toFixed(): string } | null;
}

/** The value fields an entry shows alike as a stored row (RateEntry) and in a diff (RateEntryValue). */
export function entryValueOutputFields<Shape extends EntryValueShape>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
) {
  const text = (description: string, resolve: (e: Shape) => string | null) =>
    t.field({ description, type: 'String', nullable: true, resolve });
  return {
    code: text('项目编码', (e) => e.code),
    name: text('项目名称', (e) => e.name),
    unit: text('计价单位', (e) => e.unit),
    amount: t.field({
      description: '金额(元);按比例计价的条目为 null',
      type: 'Decimal',
      nullable: true,
      resolve: (e) => decimalOrNull(e.amount),
    }),
  };
}

/** Whether an entry's version is published, asked once per request per entry. */
function entryIsPublished(ctx: GazetteContext, entryId: string): Promise<boolean> {
  const key = `entryPublished:${entryId}`;
  let known = ctx.cache.get(key) as Promise<boolean> | undefined;
  if (!known) {
    known = ctx.prisma.rateEntry
      .findUnique({
        where: { id: entryId },
        select: { tableVersion: { select: { status: true } } },
      })
      .then((e) => e?.tableVersion.status === 'PUBLISHED');
    ctx.cache.set(key, known);
  }
  return known;
}

/** Rows read through a filter on published versions need no second look at their version. */
function knownPublished<T extends { id: string }>(ctx: GazetteContext, rows: T[]): T[] {
  for (const row of rows) ctx.cache.set(`entryPublished:${row.id}`, Promise.resolve(true));
  return rows;
}

export const RateEntry = builder.prismaNode('RateEntry', {
  description: '价格表条目:某版本在各维度上的一个点及其金额或比例;草稿的条目只有只读及以上角色可见',
  id: { field: 'id' },
  // A draft's entries are as unpublished as the draft (node(id)/nodes(ids) included).
  authScopes: async (entry, ctx) => seesDrafts(ctx) || (await entryIsPublished(ctx, entry.id)),
  fields: (t) => ({
    key: t.exposeString('key', { description: '条目的键(由维度取值组成),在版本内唯一' }),
    dimensions: t.expose('dimensions', {
      description: '维度取值,如 { "code": …, "grade": … }',
      type: 'JSON',
    }),
    rate: t.field({
      description: '比例(小数,如 0.3 表示 30%);按金额计价的条目为 null',
      type: 'Decimal',
      nullable: true,
      select: { rate: true },
      resolve: (e) => decimalOrNull(e.rate),
    }),
    baseKey: t.exposeString('baseKey', {
      description: '按比例计价时的基准条目的键;没有时为 null',
      nullable: true,
    }),
    attributes: t.expose('attributes', {
      description: '其他属性(如项目内涵、除外内容、说明)',
      type: 'JSON',
      nullable: true,
    }),
    position: t.exposeInt('position', { description: '在原表中的排列位置' }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    tableVersion: t.relation('tableVersion', { description: '所属价格表版本' }),
  }),
});
builder.objectFields(RateEntry, entryValueOutputFields);

builder.queryFields((t) => ({
  // Entries of one version of a table: `versionId`, or else the version in force on `asOf` (today).
  rateEntries: t.prismaConnection({
    description:
      '某价格表一个版本的条目(Relay 连接):给出 versionId 时读该版本,否则读 asOf 当日生效的已发布版本;找不到价格表或版本时为空',
    type: 'RateEntry',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      tableKey: t.arg.string({ description: '价格表的键', required: true }),
      versionId: t.arg.id({
        description: '版本的全局 ID;缺省时按 asOf 选择生效的版本',
        required: false,
      }),
      asOf: t.arg({ description: '日期,缺省为今天(Asia/Shanghai)', type: 'Date', required: false }),
      code: t.arg.string({ description: '只看这个项目编码的条目', required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const where = await rateEntriesWhere(ctx, args);
      if (!where) return [];
      const rows = await ctx.prisma.rateEntry.findMany({
        ...query,
        where,
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      });
      return seesDrafts(ctx) ? rows : knownPublished(ctx, rows);
    },
    totalCount: async (_p, args, ctx) => {
      const where = await rateEntriesWhere(ctx, args);
      return where ? ctx.prisma.rateEntry.count({ where }) : 0;
    },
  }),
}));

/** The value fields a new entry and a patch share (the patch leaves out what it does not change). */
function entryValueFields(t: InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    code: t.string({ description: '项目编码', required: false }),
    name: t.string({ description: '项目名称', required: false }),
    unit: t.string({ description: '计价单位', required: false }),
    amount: t.field({ description: '金额(元),与 rate 二选一', type: 'Decimal', required: false }),
    rate: t.field({ description: '比例(小数),与 amount 二选一', type: 'Decimal', required: false }),
    attributes: t.field({ description: '其他属性', type: 'JSON', required: false }),
  };
}

const RateEntryInputType = builder.inputType('RateEntryInput', {
  description: '新建价格表条目的内容:amount 与 rate 须且只能填写一项',
  fields: (t) => ({
    versionId: t.id({ description: '所属版本的全局 ID', required: true }),
    dimensions: t.field({
      type: 'JSON',
      required: true,
      description: '维度取值,如 { "code": "311201069", "grade": "TERTIARY_A" }',
    }),
    ...entryValueFields(t),
    baseKey: t.string({
      description: '按比例计价时的基准条目的键(须同时填写 rate)',
      required: false,
    }),
    position: t.int({ description: '排列位置;缺省排在最后', required: false }),
  }),
});

const RateEntryPatch = builder.inputType('RateEntryPatch', {
  description: '价格表条目的修改内容;缺省的字段保持不变',
  fields: (t) => ({
    dimensions: t.field({ description: '维度取值', type: 'JSON', required: false }),
    ...entryValueFields(t),
    baseKey: t.string({ description: '按比例计价时的基准条目的键', required: false }),
    position: t.int({ description: '排列位置', required: false }),
  }),
});

builder.mutationFields((t) => ({
  createRateEntry: t.prismaField({
    description: '新建价格表条目(需管理员权限);已生效的已发布版本不能修改',
    type: 'RateEntry',
    authScopes: admin,
    args: {
      input: t.arg({ description: '新条目的内容', type: RateEntryInputType, required: true }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const versionId = rawId(input.versionId, 'RateTableVersion', 'input.versionId');
      const id = await createRateEntry(ctx, versionId, {
        ...(input as RateEntryInput),
        attributes: (input.attributes as Record<string, unknown>) ?? null,
      });
      return ctx.prisma.rateEntry.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRateEntry: t.prismaField({
    description:
      '修改价格表条目(需管理员权限);已生效的已发布版本不能修改;version 不是当前值时报 CONFLICT',
    type: 'RateEntry',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '条目'),
      input: t.arg({ description: '修改内容', type: RateEntryPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await updateRateEntry(
        ctx,
        rawId(args.id, 'RateEntry'),
        args.version,
        args.input as never,
      );
      return ctx.prisma.rateEntry.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateEntry: t.prismaField({
    description: '删除价格表条目(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'RateEntry',
    authScopes: admin,
    args: { ...idVersionArgs(t.arg, '条目') },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateEntry');
      return deleteRateEntry(ctx, id, args.version, (tx) =>
        tx.rateEntry.findUnique({ ...query, where: { id } }),
      );
    },
  }),
}));
