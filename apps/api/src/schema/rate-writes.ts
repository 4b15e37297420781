// Administrators' rate changes. A change is a new version effective from a date: it starts as a
// DRAFT copy of the version it is based on, its entries are edited, then it is published, which
// closes the previous version the day before (the domain's supersede). A version that has started
// is never edited in place. CSV import validates the whole file before anything is written.
import {
  assertEditable,
  buildRateEntry,
  DomainError,
  fromUtcMidnight,
  parseRateVersionCsv,
  rateEntryToRow,
  rateTableFromRows,
  rateVersionFromRow,
  supersede,
  todayInShanghai,
  toRateVersionCsv,
  toUtcMidnight,
  versionInForce,
  addDays,
  type PlainDate,
  type RateEntry,
  type RateEntryInput,
  type RateTable as DomainRateTable,
} from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { recordChange } from '@gazette/db/changes/record';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { recordAudit } from '../audit.ts';
import { rawId } from './ids.ts';
import { RateTableKindEnum } from './rates.ts';
import { seesDrafts } from './shared.ts';
import { createAudited, definedOnly, deleteVersioned, findOrThrow, updateVersioned, writeTransaction, type Tx } from './write-helpers.ts';

const admin = { admin: true } as const;
const day = (d: PlainDate) => toUtcMidnight(d);

/** The table (all versions with entries) as the domain models it, row-locked for this transaction. */
async function lockedTable(tx: Tx, tableId: string): Promise<DomainRateTable> {
  await tx.$queryRaw`SELECT id FROM "RateTable" WHERE id = ${tableId} FOR UPDATE`;
  const row = await tx.rateTable.findUnique({
    where: { id: tableId },
    include: { policy: true, versions: { include: { entries: true } } },
  });
  if (!row) throw new DomainError('NOT_FOUND', `费率表 ${tableId} 不存在`, { field: 'tableId' });
  return rateTableFromRows(row, row.policy);
}

function entryData(entry: RateEntry, versionId: string, updatedById: string | null) {
  const row = rateEntryToRow(entry);
  return { ...row, versionId, updatedById, attributes: row.attributes as Prisma.InputJsonValue };
}

/**
 * A change to a published version (publishing it, or editing one that has not started yet) is a
 * change to published data: it goes to the change feed. Drafts never do.
 */
async function ratesChanged(tx: Tx, versionId: string, what: string) {
  const v = await tx.rateTableVersion.findUnique({
    where: { id: versionId },
    select: { status: true, effectiveFrom: true, policy: { select: { docNo: true } }, table: { select: { key: true, policy: { select: { docNo: true } } } } },
  });
  if (!v || v.status !== 'PUBLISHED') return;
  await recordChange(tx, {
    kind: 'RATES_PUBLISHED',
    docNo: v.policy?.docNo ?? v.table.policy.docNo,
    entityId: versionId,
    details: { table: v.table.key, effectiveFrom: fromUtcMidnight(v.effectiveFrom), what },
  });
}

const actorId = (ctx: GazetteContext) => (ctx.viewer.kind === 'user' ? ctx.viewer.userId : null);

/** CSV rows at fault, every one, with line and column: BAD_USER_INPUT with extensions.rows. */
function parseCsvOrThrow(csv: string, table: DomainRateTable): RateEntry[] {
  const result = parseRateVersionCsv(csv, table);
  if (result.ok) return result.entries;
  const lines = [...new Set(result.errors.map((e) => e.line))];
  throw new DomainError('BAD_USER_INPUT', `CSV 有 ${result.errors.length} 处错误(第 ${lines.join('、')} 行),未写入任何数据`, {
    field: 'csv',
    details: { rows: result.errors },
  });
}

async function assertVersionEditable(tx: Tx, versionId: string) {
  const v = await tx.rateTableVersion.findUnique({ where: { id: versionId } });
  if (!v) throw new DomainError('NOT_FOUND', `版本 ${versionId} 不存在`, { field: 'versionId' });
  // A version that has started is history: supersede it with a new version instead.
  assertEditable({ status: v.status, effectiveFrom: fromUtcMidnight(v.effectiveFrom) }, todayInShanghai());
  return v;
}

async function replaceEntries(tx: Tx, ctx: GazetteContext, versionId: string, entries: RateEntry[]) {
  await tx.rateEntry.deleteMany({ where: { versionId } });
  await tx.rateEntry.createMany({ data: entries.map((e) => entryData(e, versionId, actorId(ctx))) });
  await recordAudit(tx, ctx, {
    action: 'rateTableVersion.importCsv',
    entity: 'RateTableVersion',
    entityId: versionId,
    after: { entries: entries.length },
  });
}

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

function entryInputOf(row: { dimensions: unknown; code: string | null; name: string | null; unit: string | null; amount: { toString(): string } | null; rate: { toString(): string } | null; baseKey: string | null; attributes: unknown; position: number }): RateEntryInput {
  return {
    dimensions: row.dimensions as Record<string, string>,
    code: row.code,
    name: row.name,
    unit: row.unit,
    amount: row.amount?.toString() ?? null,
    rate: row.rate?.toString() ?? null,
    baseKey: row.baseKey,
    attributes: (row.attributes as Record<string, unknown> | null) ?? null,
    position: row.position,
  };
}

builder.queryFields((t) => ({
  // CSV export of any version's entries (readable by the import).
  rateTableVersionCsv: t.string({
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      const v = await ctx.prisma.rateTableVersion.findUnique({ where: { id }, include: { entries: true, table: { include: { policy: true } } } });
      if (!v || (v.status === 'DRAFT' && !seesDrafts(ctx))) {
        throw new DomainError('NOT_FOUND', `版本 ${args.id} 不存在`, { field: 'id' });
      }
      const table = rateTableFromRows(v.table, v.table.policy, []);
      return toRateVersionCsv(rateVersionFromRow(v), table);
    },
  }),
}));

builder.mutationFields((t) => ({
  createRateTable: t.prismaField({
    type: 'RateTable',
    authScopes: admin,
    args: { input: t.arg({ type: RateTableInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!Array.isArray(input.dimensions)) throw new DomainError('BAD_USER_INPUT', 'dimensions 必须是维度定义数组', { field: 'input.dimensions' });
      const id = await writeTransaction(ctx, async (tx) =>
        (
          await createAudited(tx, ctx, 'rateTable', {
            key: input.key.trim(),
            kind: input.kind,
            name: input.name.trim(),
            policyId: rawId(input.policyId, 'Policy', 'input.policyId'),
            dimensions: input.dimensions as Prisma.InputJsonValue,
          })
        ).id,
      );
      return ctx.prisma.rateTable.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRateTable: t.prismaField({
    type: 'RateTable',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: RateTablePatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTable');
      await writeTransaction(ctx, (tx) => updateVersioned(tx, ctx, 'rateTable', id, args.version, definedOnly({ name: args.input.name?.trim() || undefined })));
      return ctx.prisma.rateTable.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateTable: t.prismaField({
    type: 'RateTable',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'RateTable');
        const row = await tx.rateTable.findUnique({ ...query, where: { id } });
        // History is never overwritten: a table with a published version stays.
        if (await tx.rateTableVersion.count({ where: { tableId: id, status: 'PUBLISHED' } })) {
          throw new DomainError('CONFLICT', '该费率表已有发布的版本,不能删除', { field: 'id' });
        }
        await deleteVersioned(tx, ctx, 'rateTable', id, args.version);
        return row!;
      }),
  }),

  // "New version from date …": a DRAFT copy of the version in force the day before (or of
  // basedOnId), or the entries of a CSV file.
  createRateTableVersion: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    args: { input: t.arg({ type: RateTableVersionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tableId = rawId(input.tableId, 'RateTable', 'input.tableId');
      const id = await writeTransaction(ctx, async (tx) => {
        const table = await lockedTable(tx, tableId);
        let entries: RateEntry[];
        let basedOnId: string | null = null;
        if (input.csv != null) {
          entries = parseCsvOrThrow(input.csv, table);
        } else {
          const wanted = input.basedOnId ? rawId(input.basedOnId, 'RateTableVersion', 'input.basedOnId') : null;
          const base = wanted
            ? table.versions.find((v) => v.id === wanted)
            : (versionInForce(table, addDays(input.effectiveFrom, -1)) ??
              [...table.versions].filter((v) => v.status === 'PUBLISHED').sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]);
          if (wanted && !base) throw new DomainError('NOT_FOUND', '要复制的版本不存在', { field: 'input.basedOnId' });
          entries = base?.entries ?? [];
          basedOnId = base?.id ?? null;
        }
        const created = await createAudited(tx, ctx, 'rateTableVersion', {
          tableId,
          label: input.label ?? null,
          note: input.note ?? null,
          effectiveFrom: day(input.effectiveFrom),
          effectiveTo: input.effectiveTo ? day(input.effectiveTo) : null,
          status: 'DRAFT',
          basedOnId,
          createdById: actorId(ctx),
        });
        await tx.rateEntry.createMany({ data: entries.map((e) => entryData(e, created.id, actorId(ctx))) });
        return created.id;
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
      const { input } = args;
      await writeTransaction(ctx, async (tx) => {
        const current = await findOrThrow(tx, 'rateTableVersion', id);
        assertEditable(
          { status: current.status as 'DRAFT' | 'PUBLISHED', effectiveFrom: fromUtcMidnight(current.effectiveFrom as Date) },
          todayInShanghai(),
          definedOnly({ effectiveFrom: input.effectiveFrom ?? undefined, effectiveTo: input.effectiveTo }),
        );
        await updateVersioned(tx, ctx, 'rateTableVersion', id, args.version, definedOnly({
          effectiveFrom: input.effectiveFrom ? day(input.effectiveFrom) : undefined,
          effectiveTo: input.effectiveTo === undefined ? undefined : input.effectiveTo && day(input.effectiveTo),
          label: input.label,
          note: input.note,
        }), current);
        await ratesChanged(tx, id, 'version');
      });
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateTableVersion: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'RateTableVersion');
        const row = await tx.rateTableVersion.findUnique({ ...query, where: { id } });
        const current = await findOrThrow(tx, 'rateTableVersion', id);
        if (current.status !== 'DRAFT') {
          throw new DomainError('CONFLICT', '只能删除草稿版本;已发布的版本只能被新版本替代', { field: 'id' });
        }
        await deleteVersioned(tx, ctx, 'rateTableVersion', id, args.version);
        return row!;
      }),
  }),
  // Publishes a draft from its effectiveFrom and closes the version in force before it the day
  // before; the start may not lie in the past nor before a published version (domain supersede).
  publishRateTableVersion: t.prismaField({
    type: 'RateTableVersion',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateTableVersion');
      await writeTransaction(ctx, async (tx) => {
        const draft = await findOrThrow(tx, 'rateTableVersion', id);
        const table = await lockedTable(tx, draft.tableId as string);
        const next = table.versions.find((v) => v.id === id)!;
        if (next.status !== 'DRAFT') throw new DomainError('CONFLICT', '该版本已发布', { field: 'id' });
        const others = { ...table, versions: table.versions.filter((v) => v.id !== id) };
        const result = supersede(others, next, { today: todayInShanghai() });
        for (const v of result.versions) {
          if (!v.id || v.id === id) continue;
          const before = others.versions.find((o) => o.id === v.id)!;
          if (before.effectiveTo === v.effectiveTo) continue;
          const row = await findOrThrow(tx, 'rateTableVersion', v.id);
          await updateVersioned(tx, ctx, 'rateTableVersion', v.id, row.version, { effectiveTo: v.effectiveTo ? day(v.effectiveTo) : null }, row);
        }
        await updateVersioned(tx, ctx, 'rateTableVersion', id, args.version, { status: 'PUBLISHED', publishedAt: new Date() }, draft);
        await ratesChanged(tx, id, 'publish');
      });
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
      await writeTransaction(ctx, async (tx) => {
        const v = await assertVersionEditable(tx, id);
        const table = await lockedTable(tx, v.tableId);
        const entries = parseCsvOrThrow(args.csv, table);
        await updateVersioned(tx, ctx, 'rateTableVersion', id, args.version, {});
        await replaceEntries(tx, ctx, id, entries);
        await ratesChanged(tx, id, 'entries');
      });
      return ctx.prisma.rateTableVersion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),

  createRateEntry: t.prismaField({
    type: 'RateEntry',
    authScopes: admin,
    args: { input: t.arg({ type: RateEntryInputType, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const versionId = rawId(input.versionId, 'RateTableVersion', 'input.versionId');
      const id = await writeTransaction(ctx, async (tx) => {
        const v = await assertVersionEditable(tx, versionId);
        const table = await lockedTable(tx, v.tableId);
        const position = input.position ?? (await tx.rateEntry.count({ where: { versionId } }));
        const entry = buildRateEntry(table, { ...(input as RateEntryInput), attributes: (input.attributes as Record<string, unknown>) ?? null }, position, 'input');
        const created = (await createAudited(tx, ctx, 'rateEntry', entryData(entry, versionId, actorId(ctx)))).id;
        await ratesChanged(tx, versionId, 'entries');
        return created;
      });
      return ctx.prisma.rateEntry.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateRateEntry: t.prismaField({
    type: 'RateEntry',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: RateEntryPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'RateEntry');
      await writeTransaction(ctx, async (tx) => {
        const current = await tx.rateEntry.findUnique({ where: { id } });
        if (!current) throw new DomainError('NOT_FOUND', `条目 ${args.id} 不存在`, { field: 'id' });
        const v = await assertVersionEditable(tx, current.versionId);
        const table = await lockedTable(tx, v.tableId);
        const merged = { ...entryInputOf(current), ...definedOnly(args.input as Record<string, unknown>) } as RateEntryInput;
        const entry = buildRateEntry(table, merged, merged.position ?? current.position, 'input');
        const { versionId: _v, ...data } = entryData(entry, current.versionId, actorId(ctx));
        await updateVersioned(tx, ctx, 'rateEntry', id, args.version, data);
        await ratesChanged(tx, current.versionId, 'entries');
      });
      return ctx.prisma.rateEntry.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteRateEntry: t.prismaField({
    type: 'RateEntry',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'RateEntry');
        const row = await tx.rateEntry.findUnique({ ...query, where: { id } });
        if (!row) throw new DomainError('NOT_FOUND', `条目 ${args.id} 不存在`, { field: 'id' });
        const current = await tx.rateEntry.findUniqueOrThrow({ where: { id }, select: { versionId: true } });
        await assertVersionEditable(tx, current.versionId);
        await deleteVersioned(tx, ctx, 'rateEntry', id, args.version);
        await ratesChanged(tx, current.versionId, 'entries');
        return row;
      }),
  }),
}));
