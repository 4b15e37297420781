// Writes to inspection records. Administrators change everything; supervisors may change only a
// finding's rectification status. A quarter's annexes can be imported as CSV (validated whole).
import { DomainError, formatQuarter, parseQuarter, toUtcMidnight, ZInspectionRoundFigures, type PlainDate } from '@gazette/domain';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { authScopesFor } from '../auth/roles.ts';
import { recordAudit } from '../audit.ts';
import {
  NEW_MEDIA_COLUMNS,
  parseNewMediaAnnexCsv,
  parseWebsiteAnnexCsv,
  toCsv,
  WEBSITE_COLUMNS,
  type AnnexCsvError,
} from '../inspection-csv.ts';
import { loadBodyResolver } from '../services/organizations/resolve-body.ts';
import { rawId } from './ids.ts';
import { createAudited, definedOnly, deleteVersioned, updateVersioned, writeTransaction, type Tx } from './write-helpers.ts';

const day = (d: PlainDate | null | undefined) => (d == null ? d : toUtcMidnight(d));
const admin = { admin: true } as const;

export const AnnexEnum = builder.enumType('InspectionAnnex', {
  values: { WEBSITE: { description: '附件1 网站' }, NEW_MEDIA: { description: '附件2 政务新媒体' } },
});

const InspectionRoundInput = builder.inputType('InspectionRoundInput', {
  fields: (t) => ({
    quarter: t.string({ required: true }),
    policyId: t.id({ required: false }),
    windowStart: t.field({ type: 'Date', required: true }),
    windowEnd: t.field({ type: 'Date', required: true }),
    cityPortalsChecked: t.int({ required: true }),
    districtPortalsChecked: t.int({ required: true }),
    departmentSitesChecked: t.int({ required: true }),
    newMediaAccountsChecked: t.int({ required: true }),
    newMediaDistricts: t.int({ required: false, defaultValue: 0 }),
    newMediaParks: t.int({ required: false, defaultValue: 0 }),
    newMediaDepartments: t.int({ required: false, defaultValue: 0 }),
    messagesReceived: t.int({ required: true }),
    messagesClosed: t.int({ required: true }),
    messagesOverdue: t.int({ required: false, defaultValue: 0 }),
  }),
});

/** The domain's rules for a round's figures (counts ≥ 0, closed ≤ received), every issue named. */
function checkFigures(input: Record<string, unknown>) {
  const result = ZInspectionRoundFigures.safeParse(input);
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ field: `input.${i.path.join('.')}`, message: i.message }));
  throw new DomainError('BAD_USER_INPUT', issues.map((i) => i.message).join(';'), { field: issues[0]?.field, details: { issues } });
}

const InspectionRoundPatch = builder.inputType('InspectionRoundPatch', {
  fields: (t) => ({
    windowStart: t.field({ type: 'Date', required: false }),
    windowEnd: t.field({ type: 'Date', required: false }),
    cityPortalsChecked: t.int({ required: false }),
    districtPortalsChecked: t.int({ required: false }),
    departmentSitesChecked: t.int({ required: false }),
    newMediaAccountsChecked: t.int({ required: false }),
    newMediaDistricts: t.int({ required: false }),
    newMediaParks: t.int({ required: false }),
    newMediaDepartments: t.int({ required: false }),
    messagesReceived: t.int({ required: false }),
    messagesClosed: t.int({ required: false }),
    messagesOverdue: t.int({ required: false }),
  }),
});

const WebsiteFindingInput = builder.inputType('WebsiteFindingInput', {
  fields: (t) => ({
    roundId: t.id({ required: true }),
    organizationId: t.id({ required: true }),
    siteSeq: t.int({ required: true }),
    siteName: t.string({ required: true }),
    position: t.int({ required: false }),
    description: t.string({ required: true }),
    rectified: t.boolean({ required: false }),
    rectifiedOn: t.field({ type: 'Date', required: false }),
  }),
});

const NewMediaFindingInput = builder.inputType('NewMediaFindingInput', {
  fields: (t) => ({
    roundId: t.id({ required: true }),
    organizationId: t.id({ required: true }),
    seq: t.int({ required: true }),
    account: t.string({ required: true }),
    platform: t.string({ required: true }),
    description: t.string({ required: true }),
    rectified: t.boolean({ required: false }),
    rectifiedOn: t.field({ type: 'Date', required: false }),
  }),
});

const FindingPatch = builder.inputType('FindingPatch', {
  description: 'Supervisors may set only rectified and rectifiedOn; administrators anything.',
  fields: (t) => ({
    rectified: t.boolean({ required: false }),
    rectifiedOn: t.field({ type: 'Date', required: false }),
    organizationId: t.id({ required: false }),
    description: t.string({ required: false }),
    siteSeq: t.int({ required: false, description: 'Website findings only.' }),
    siteName: t.string({ required: false, description: 'Website findings only.' }),
    position: t.int({ required: false, description: 'Website findings only.' }),
    seq: t.int({ required: false, description: 'New-media findings only.' }),
    account: t.string({ required: false, description: 'New-media findings only.' }),
    platform: t.string({ required: false, description: 'New-media findings only.' }),
  }),
});

type FindingPatchValue = {
  rectified?: boolean | null;
  rectifiedOn?: PlainDate | null;
  organizationId?: string | null;
  [key: string]: unknown;
};

function findingData(ctx: GazetteContext, patch: FindingPatchValue, kind: 'website' | 'newMedia') {
  const { rectified, rectifiedOn, organizationId, ...rest } = patch;
  const others = Object.entries(definedOnly(rest)).filter(([, v]) => v !== null);
  if (!authScopesFor(ctx.viewer).admin && (others.length > 0 || organizationId != null)) {
    throw new DomainError('FORBIDDEN', '监督员只能修改整改状态(rectified、rectifiedOn)');
  }
  const allowed = kind === 'website' ? ['description', 'siteSeq', 'siteName', 'position'] : ['description', 'seq', 'account', 'platform'];
  for (const [key] of others) {
    if (!allowed.includes(key)) throw new DomainError('BAD_USER_INPUT', `${key} 不适用于此类问题`, { field: `input.${key}` });
  }
  return definedOnly({
    ...Object.fromEntries(others),
    organizationId: organizationId ? rawId(organizationId, 'Organization', 'input.organizationId') : undefined,
    rectified: rectified ?? undefined,
    // Not rectified: no rectification date.
    rectifiedOn: rectified === false ? null : rectifiedOn === undefined ? undefined : day(rectifiedOn),
  });
}

async function orgIdsByName(tx: Tx, names: string[]) {
  const rows = await tx.organization.findMany({ where: { name: { in: [...new Set(names)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function roundByQuarter(ctx: GazetteContext | { prisma: Tx }, quarter: string) {
  const q = formatQuarter(parseQuarter(quarter, 'quarter'));
  const round = await (ctx.prisma as Tx).inspectionRound.findUnique({ where: { quarter: q } });
  if (!round) throw new DomainError('NOT_FOUND', `没有 ${q} 的检查记录`, { field: 'quarter' });
  return round;
}

builder.queryFields((t) => ({
  // CSV export of a quarter's annex, in the import's format.
  inspectionAnnexCsv: t.string({
    args: { quarter: t.arg.string({ required: true }), annex: t.arg({ type: AnnexEnum, required: true }) },
    resolve: async (_root, args, ctx) => {
      const round = await roundByQuarter(ctx, args.quarter);
      if (args.annex === 'WEBSITE') {
        const rows = await ctx.prisma.websiteFinding.findMany({ where: { roundId: round.id }, include: { organization: true }, orderBy: [{ siteSeq: 'asc' }, { position: 'asc' }] });
        return toCsv(WEBSITE_COLUMNS, rows.map((r) => [r.siteSeq, r.siteName, r.description, r.rectified ? '是' : '否', r.organization.name]));
      }
      const rows = await ctx.prisma.newMediaFinding.findMany({ where: { roundId: round.id }, include: { organization: true }, orderBy: { seq: 'asc' } });
      return toCsv(NEW_MEDIA_COLUMNS, rows.map((r) => [r.seq, r.account, r.organization.name, r.platform, r.description, r.rectified === null ? '' : r.rectified ? '是' : '否']));
    },
  }),
}));

builder.mutationFields((t) => ({
  createInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    args: { input: t.arg({ type: InspectionRoundInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      checkFigures(input);
      const id = await writeTransaction(ctx, async (tx) =>
        (
          await createAudited(tx, ctx, 'inspectionRound', {
            ...input,
            quarter: formatQuarter(parseQuarter(input.quarter, 'input.quarter')),
            policyId: input.policyId ? rawId(input.policyId, 'Policy', 'input.policyId') : null,
            windowStart: day(input.windowStart),
            windowEnd: day(input.windowEnd),
            newMediaDistricts: input.newMediaDistricts ?? 0,
            newMediaParks: input.newMediaParks ?? 0,
            newMediaDepartments: input.newMediaDepartments ?? 0,
            messagesOverdue: input.messagesOverdue ?? 0,
          })
        ).id,
      );
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: InspectionRoundPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'InspectionRound');
      const patch = Object.fromEntries(Object.entries(args.input).filter(([, v]) => v != null));
      for (const [k, v] of Object.entries(patch)) {
        if (typeof v === 'number' && v < 0) throw new DomainError('BAD_USER_INPUT', `${k} 不能为负数`, { field: `input.${k}` });
      }
      await writeTransaction(ctx, (tx) =>
        updateVersioned(tx, ctx, 'inspectionRound', id, args.version, {
          ...patch,
          ...(args.input.windowStart ? { windowStart: day(args.input.windowStart) } : {}),
          ...(args.input.windowEnd ? { windowEnd: day(args.input.windowEnd) } : {}),
        }),
      );
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'InspectionRound');
        const row = await tx.inspectionRound.findUnique({ ...query, where: { id } });
        await deleteVersioned(tx, ctx, 'inspectionRound', id, args.version);
        return row!;
      }),
  }),

  createWebsiteFinding: t.prismaField({
    type: 'WebsiteFinding',
    authScopes: admin,
    args: { input: t.arg({ type: WebsiteFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const roundId = rawId(input.roundId, 'InspectionRound', 'input.roundId');
      const id = await writeTransaction(ctx, async (tx) => {
        const position = input.position ?? (await tx.websiteFinding.count({ where: { roundId, siteSeq: input.siteSeq } }));
        return (
          await createAudited(tx, ctx, 'websiteFinding', {
            roundId,
            organizationId: rawId(input.organizationId, 'Organization', 'input.organizationId'),
            siteSeq: input.siteSeq,
            siteName: input.siteName.trim(),
            position,
            description: input.description.trim(),
            rectified: input.rectified ?? false,
            rectifiedOn: input.rectified ? day(input.rectifiedOn) ?? null : null,
          })
        ).id;
      });
      return ctx.prisma.websiteFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateWebsiteFinding: t.prismaField({
    type: 'WebsiteFinding',
    authScopes: { supervisor: true },
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: FindingPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'WebsiteFinding');
      const data = findingData(ctx, args.input as FindingPatchValue, 'website');
      await writeTransaction(ctx, (tx) => updateVersioned(tx, ctx, 'websiteFinding', id, args.version, data));
      return ctx.prisma.websiteFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteWebsiteFinding: t.prismaField({
    type: 'WebsiteFinding',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'WebsiteFinding');
        const row = await tx.websiteFinding.findUnique({ ...query, where: { id } });
        await deleteVersioned(tx, ctx, 'websiteFinding', id, args.version);
        return row!;
      }),
  }),

  createNewMediaFinding: t.prismaField({
    type: 'NewMediaFinding',
    authScopes: admin,
    args: { input: t.arg({ type: NewMediaFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await writeTransaction(ctx, async (tx) =>
        (
          await createAudited(tx, ctx, 'newMediaFinding', {
            roundId: rawId(input.roundId, 'InspectionRound', 'input.roundId'),
            organizationId: rawId(input.organizationId, 'Organization', 'input.organizationId'),
            seq: input.seq,
            account: input.account.trim(),
            platform: input.platform.trim(),
            description: input.description.trim(),
            rectified: input.rectified ?? false,
            rectifiedOn: input.rectified ? day(input.rectifiedOn) ?? null : null,
          })
        ).id,
      );
      return ctx.prisma.newMediaFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateNewMediaFinding: t.prismaField({
    type: 'NewMediaFinding',
    authScopes: { supervisor: true },
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: FindingPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'NewMediaFinding');
      const data = findingData(ctx, args.input as FindingPatchValue, 'newMedia');
      await writeTransaction(ctx, (tx) => updateVersioned(tx, ctx, 'newMediaFinding', id, args.version, data));
      return ctx.prisma.newMediaFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteNewMediaFinding: t.prismaField({
    type: 'NewMediaFinding',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'NewMediaFinding');
        const row = await tx.newMediaFinding.findUnique({ ...query, where: { id } });
        await deleteVersioned(tx, ctx, 'newMediaFinding', id, args.version);
        return row!;
      }),
  }),

  // Replaces a quarter's annex findings with CSV files; any bad row in either file writes nothing.
  importInspectionAnnexesCsv: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    args: {
      quarter: t.arg.string({ required: true }),
      version: t.arg.int({ required: true, description: "The round's version (stale → CONFLICT)." }),
      websiteCsv: t.arg.string({ required: false }),
      newMediaCsv: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const errors: AnnexCsvError[] = [];
      const resolve = await loadBodyResolver(ctx.prisma);
      const websites = args.websiteCsv != null ? parseWebsiteAnnexCsv(args.websiteCsv, errors, resolve) : null;
      const media = args.newMediaCsv != null ? parseNewMediaAnnexCsv(args.newMediaCsv, errors, resolve) : null;
      if (websites === null && media === null) {
        throw new DomainError('BAD_USER_INPUT', '至少提供一个附件的 CSV', { field: 'websiteCsv' });
      }
      if (errors.length) {
        const lines = [...new Set(errors.map((e) => `${e.annex === 'WEBSITE' ? '附件1' : '附件2'}第${e.line}行`))];
        throw new DomainError('BAD_USER_INPUT', `CSV 有 ${errors.length} 处错误(${lines.join('、')}),未写入任何数据`, {
          field: errors[0]!.annex === 'WEBSITE' ? 'websiteCsv' : 'newMediaCsv',
          details: { rows: errors },
        });
      }
      const round = await roundByQuarter(ctx, args.quarter);
      await writeTransaction(ctx, async (tx) => {
        const ids = await orgIdsByName(tx, [...(websites ?? []), ...(media ?? [])].map((r) => r.organization));
        const missing = [...(websites ?? []), ...(media ?? [])].filter((r) => !ids.has(r.organization));
        if (missing.length) {
          throw new DomainError('BAD_USER_INPUT', '机构尚未录入数据库', {
            field: 'csv',
            details: { rows: missing.map((r) => ({ line: r.line, column: 'organization', message: `机构 ${r.organization} 尚未录入` })) },
          });
        }
        await updateVersioned(tx, ctx, 'inspectionRound', round.id, args.version, {});
        if (websites) {
          await tx.websiteFinding.deleteMany({ where: { roundId: round.id } });
          await tx.websiteFinding.createMany({
            data: websites.map(({ line: _l, organization, ...r }) => ({ ...r, roundId: round.id, organizationId: ids.get(organization)! })),
          });
        }
        if (media) {
          await tx.newMediaFinding.deleteMany({ where: { roundId: round.id } });
          await tx.newMediaFinding.createMany({
            data: media.map(({ line: _l, organization, ...r }) => ({ ...r, roundId: round.id, organizationId: ids.get(organization)! })),
          });
        }
        await recordAudit(tx, ctx, {
          action: 'inspectionRound.importCsv',
          entity: 'InspectionRound',
          entityId: round.id,
          after: { websiteFindings: websites?.length ?? null, newMediaFindings: media?.length ?? null },
        });
      });
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id: round.id } });
    },
  }),
}));
