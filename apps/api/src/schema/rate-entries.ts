// RateEntry: one cell of a version (a point in the table's dimensions and its value), the public
// list of a version's entries, and the administrators' writes of one entry (one service each).
import { formatDecimal, type RateEntryInput } from '@gazette/domain';
import type { GazetteContext } from '../context.ts';
import { builder, checkedMaxSize } from '../builder.ts';
import { seesDrafts } from './shared.ts';
import { rawId } from './ids.ts';
import { rateEntriesWhere } from '../services/rates/rate-entries-where.ts';
import { createRateEntry } from '../services/rates/create-rate-entry.ts';
import { updateRateEntry } from '../services/rates/update-rate-entry.ts';
import { deleteRateEntry } from '../services/rates/delete-rate-entry.ts';

const admin = { admin: true } as const;

const decimalOrNull = (value: { toFixed(): string } | null) => (value === null ? null : formatDecimal(value as never));

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

/** Rows read through a filter on published versions need no second look at their version. */
function knownPublished<T extends { id: string }>(ctx: GazetteContext, rows: T[]): T[] {
  for (const row of rows) ctx.cache.set(`entryPublished:${row.id}`, Promise.resolve(true));
  return rows;
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

builder.queryFields((t) => ({
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
      const where = await rateEntriesWhere(ctx, args);
      if (!where) return [];
      const rows = await ctx.prisma.rateEntry.findMany({ ...query, where, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
      return seesDrafts(ctx) ? rows : knownPublished(ctx, rows);
    },
    totalCount: async (_p, args, ctx) => {
      const where = await rateEntriesWhere(ctx, args);
      return where ? ctx.prisma.rateEntry.count({ where }) : 0;
    },
  }),
}));

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

builder.mutationFields((t) => ({
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
