// Writes to inspection records. Administrators change everything; supervisors may change only a
// finding's rectification status. A quarter's annexes are imported in inspection-annexes.ts.
import { DomainError, formatQuarter, parseQuarter, toUtcMidnight, ZInspectionRoundFigures, type PlainDate } from '@gazette/domain';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { authScopesFor } from '../auth/roles.ts';
import { rawId } from './ids.ts';
import { createAudited, definedOnly, deleteVersioned, updateVersioned, writeTransaction } from './write-helpers.ts';

const day = (d: PlainDate | null | undefined) => (d == null ? d : toUtcMidnight(d));
const admin = { admin: true } as const;

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
}));
