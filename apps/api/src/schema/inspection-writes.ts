// Writes to inspection records. Administrators change everything; supervisors may change only a
// finding's rectification status. A quarter's annexes are imported in inspection-annexes.ts.
import {
  DomainError,
  formatQuarter,
  fromUtcMidnight,
  parseQuarter,
  ROUND_FIGURE_PARTNERS,
  toUtcMidnight,
  ZInspectionRoundFigures,
  type PlainDate,
} from '@gazette/domain';
import { inspectionChanged, roundOfFinding } from '../services/changes/inspection-changed.ts';
import { builder } from '../builder.ts';
import type { GazetteContext } from '../context.ts';
import { authScopesFor } from '../auth/roles.ts';
import { rawId } from './ids.ts';
import { createAudited, definedOnly, deleteVersioned, findOrThrow, updateVersioned, writeTransaction, type Tx } from './write-helpers.ts';

const day = (d: PlainDate | null | undefined) => (d == null ? d : toUtcMidnight(d));
const admin = { admin: true } as const;

const InspectionRoundInput = builder.inputType('InspectionRoundInput', {
  description: "A quarter's headline figures as its 通报 prints them (泸市府室发〔2024〕34号 一、附件2 说明).",
  fields: (t) => ({
    quarter: t.string({ required: true, description: '2025Q1' }),
    policyId: t.id({ required: false, description: 'The 通报 itself (a Policy, e.g. 泸市府室发〔2024〕34号).' }),
    windowStart: t.field({ type: 'Date', required: true, description: '检测时间 from' }),
    windowEnd: t.field({ type: 'Date', required: true, description: '检测时间 to (not before windowStart)' }),
    cityPortalsChecked: t.int({ required: true, description: '市政府门户网站' }),
    districtPortalsChecked: t.int({ required: true, description: '区县政府门户网站' }),
    departmentSitesChecked: t.int({ required: true, description: '市级部门网站' }),
    newMediaAccountsChecked: t.int({ required: true, description: '政务新媒体账号和应用' }),
    newMediaDistricts: t.int({ required: false, defaultValue: 0, description: '账号所属区县数' }),
    newMediaParks: t.int({ required: false, defaultValue: 0, description: '账号所属园区数' }),
    newMediaDepartments: t.int({ required: false, defaultValue: 0, description: '账号所属市级有关部门数' }),
    messagesReceived: t.int({ required: true, description: '“我为政府网站找错”网民有效留言 received' }),
    messagesClosed: t.int({ required: true, description: '办结 (at most received)' }),
    messagesOverdue: t.int({ required: false, defaultValue: 0, description: '超期 (at most received)' }),
  }),
});

/**
 * The domain's rules for a round's figures (counts ≥ 0, closed and overdue ≤ received, the window
 * not ending before it starts), every issue named. `changed`: the fields a patch sent; a rule
 * between two figures names the one of them that was sent.
 */
function checkFigures(input: Record<string, unknown>, changed?: Set<string>) {
  const result = ZInspectionRoundFigures.safeParse(input);
  if (result.success) return;
  const issues = result.error.issues.map((i) => {
    let key = String(i.path[0] ?? '');
    const partner = ROUND_FIGURE_PARTNERS[key];
    if (changed && !changed.has(key) && partner && changed.has(partner)) key = partner;
    return { field: `input.${key}`, message: i.message };
  });
  throw new DomainError('BAD_USER_INPUT', issues.map((i) => i.message).join(';'), { field: issues[0]?.field, details: { issues } });
}

async function policyIdOf(tx: Tx, id: string | null | undefined): Promise<string | null | undefined> {
  if (id == null) return id;
  const policyId = rawId(id, 'Policy', 'input.policyId');
  if (!(await tx.policy.findUnique({ where: { id: policyId }, select: { id: true } }))) {
    throw new DomainError('BAD_USER_INPUT', '没有这个文件(policyId)', { field: 'input.policyId' });
  }
  return policyId;
}

const InspectionRoundPatch = builder.inputType('InspectionRoundPatch', {
  description: 'Omitted or null: unchanged (policyId: null detaches the 通报).',
  fields: (t) => ({
    policyId: t.id({ required: false }),
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
    rectified: t.boolean({ required: false, description: 'Omitted or null: unknown.' }),
    rectifiedOn: t.field({ type: 'Date', required: false }),
  }),
});

const FindingPatch = builder.inputType('FindingPatch', {
  description: 'Supervisors may set only rectified and rectifiedOn; administrators anything. Omitted: unchanged.',
  fields: (t) => ({
    rectified: t.boolean({
      required: false,
      description: 'New-media findings: null sets the status back to unknown (and clears rectifiedOn). Website findings: true or false only.',
    }),
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
  if (rectified === null && kind === 'website') {
    throw new DomainError('BAD_USER_INPUT', '网站问题的整改状态只能是 true 或 false(附件1 总会列出是否整改完成)', { field: 'input.rectified' });
  }
  if (rectified === null && rectifiedOn != null) {
    throw new DomainError('BAD_USER_INPUT', '整改状态未知(rectified: null)时不能有整改日期', { field: 'input.rectifiedOn' });
  }
  return definedOnly({
    ...Object.fromEntries(others),
    organizationId: organizationId ? rawId(organizationId, 'Organization', 'input.organizationId') : undefined,
    // New media: an explicit null sets the status back to unknown (附件2 prints none); omitted: unchanged.
    rectified,
    // Not rectified, or unknown: no rectification date.
    rectifiedOn: rectified === false || rectified === null ? null : rectifiedOn === undefined ? undefined : day(rectifiedOn),
  });
}

builder.mutationFields((t) => ({
  createInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    args: { input: t.arg({ type: InspectionRoundInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const figures = {
        ...input,
        newMediaDistricts: input.newMediaDistricts ?? 0,
        newMediaParks: input.newMediaParks ?? 0,
        newMediaDepartments: input.newMediaDepartments ?? 0,
        messagesOverdue: input.messagesOverdue ?? 0,
      };
      checkFigures(figures);
      const id = await writeTransaction(ctx, async (tx) => {
        const created = await createAudited(tx, ctx, 'inspectionRound', {
          ...figures,
          quarter: formatQuarter(parseQuarter(input.quarter, 'input.quarter')),
          policyId: (await policyIdOf(tx, input.policyId)) ?? null,
          windowStart: day(input.windowStart),
          windowEnd: day(input.windowEnd),
        });
        await inspectionChanged(tx, created.id, 'round');
        return created.id;
      });
      return ctx.prisma.inspectionRound.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateInspectionRound: t.prismaField({
    type: 'InspectionRound',
    authScopes: admin,
    description: "Changes a round's headline figures; the result must still keep the rules of createInspectionRound.",
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: InspectionRoundPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'InspectionRound');
      const { policyId, ...figures } = args.input;
      const patch = Object.fromEntries(Object.entries(figures).filter(([, v]) => v != null));
      await writeTransaction(ctx, async (tx) => {
        const current = await findOrThrow(tx, 'inspectionRound', id);
        const merged = {
          ...current,
          windowStart: fromUtcMidnight(current.windowStart as Date),
          windowEnd: fromUtcMidnight(current.windowEnd as Date),
          ...patch,
        };
        checkFigures(merged, new Set(Object.keys(patch)));
        const data: Record<string, unknown> = {
          ...patch,
          ...(args.input.windowStart ? { windowStart: day(args.input.windowStart) } : {}),
          ...(args.input.windowEnd ? { windowEnd: day(args.input.windowEnd) } : {}),
        };
        if (policyId !== undefined) data.policyId = await policyIdOf(tx, policyId);
        await updateVersioned(tx, ctx, 'inspectionRound', id, args.version, data, current);
        await inspectionChanged(tx, id, 'figures');
      });
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
        const quarter = (await tx.inspectionRound.findUnique({ where: { id }, select: { quarter: true } }))?.quarter;
        await deleteVersioned(tx, ctx, 'inspectionRound', id, args.version);
        await inspectionChanged(tx, id, 'deleted', quarter);
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
        const created = (
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
        await inspectionChanged(tx, roundId, 'findings');
        return created;
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
      await writeTransaction(ctx, async (tx) => {
        await updateVersioned(tx, ctx, 'websiteFinding', id, args.version, data);
        const roundId = await roundOfFinding(tx, 'websiteFinding', id);
        if (roundId) await inspectionChanged(tx, roundId, 'findings');
      });
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
        const roundId = await roundOfFinding(tx, 'websiteFinding', id);
        await deleteVersioned(tx, ctx, 'websiteFinding', id, args.version);
        if (roundId) await inspectionChanged(tx, roundId, 'findings');
        return row!;
      }),
  }),

  createNewMediaFinding: t.prismaField({
    type: 'NewMediaFinding',
    authScopes: admin,
    args: { input: t.arg({ type: NewMediaFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const roundId = rawId(input.roundId, 'InspectionRound', 'input.roundId');
      const id = await writeTransaction(ctx, async (tx) => {
        const created = (
          await createAudited(tx, ctx, 'newMediaFinding', {
            roundId,
            organizationId: rawId(input.organizationId, 'Organization', 'input.organizationId'),
            seq: input.seq,
            account: input.account.trim(),
            platform: input.platform.trim(),
            description: input.description.trim(),
            // Omitted: unknown, as for a finding read from 附件2 (which prints no rectification).
            rectified: input.rectified ?? null,
            rectifiedOn: input.rectified ? day(input.rectifiedOn) ?? null : null,
          })
        ).id;
        await inspectionChanged(tx, roundId, 'findings');
        return created;
      });
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
      await writeTransaction(ctx, async (tx) => {
        await updateVersioned(tx, ctx, 'newMediaFinding', id, args.version, data);
        const roundId = await roundOfFinding(tx, 'newMediaFinding', id);
        if (roundId) await inspectionChanged(tx, roundId, 'findings');
      });
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
        const roundId = await roundOfFinding(tx, 'newMediaFinding', id);
        await deleteVersioned(tx, ctx, 'newMediaFinding', id, args.version);
        if (roundId) await inspectionChanged(tx, roundId, 'findings');
        return row!;
      }),
  }),
}));
