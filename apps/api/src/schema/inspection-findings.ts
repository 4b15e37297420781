// A quarter's findings: 附件1 websites and 附件2 new media. Administrators change everything;
// supervisors only a finding's rectification (services/inspections/update-finding.ts).
import { builder } from '../builder.ts';
import { createNewMediaFinding } from '../services/inspections/create-new-media-finding.ts';
import { createWebsiteFinding } from '../services/inspections/create-website-finding.ts';
import { deleteFinding } from '../services/inspections/delete-finding.ts';
import type { FindingPatch as FindingPatchValue } from '../services/inspections/finding-patch-data.ts';
import { updateFinding } from '../services/inspections/update-finding.ts';
import { rawId } from './ids.ts';

const admin = { admin: true } as const;

export const WebsiteFinding = builder.prismaNode('WebsiteFinding', {
  id: { field: 'id' },
  fields: (t) => ({
    siteSeq: t.exposeInt('siteSeq'),
    siteName: t.exposeString('siteName'),
    position: t.exposeInt('position'),
    description: t.exposeString('description'),
    rectified: t.exposeBoolean('rectified'),
    rectifiedOn: t.expose('rectifiedOn', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    organization: t.relation('organization'),
    round: t.relation('round'),
  }),
});

export const NewMediaFinding = builder.prismaNode('NewMediaFinding', {
  id: { field: 'id' },
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    account: t.exposeString('account'),
    platform: t.exposeString('platform'),
    description: t.exposeString('description'),
    rectified: t.exposeBoolean('rectified', {
      nullable: true,
      description: '是否整改完成;null 表示未知(通报附件2不列整改情况,待管理员录入)',
    }),
    rectifiedOn: t.expose('rectifiedOn', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
    organization: t.relation('organization'),
    round: t.relation('round'),
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
  description:
    'Supervisors may set only rectified and rectifiedOn; administrators anything. Omitted: unchanged.',
  fields: (t) => ({
    rectified: t.boolean({
      required: false,
      description:
        'New-media findings: null sets the status back to unknown (and clears rectifiedOn). Website findings: true or false only.',
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

builder.mutationFields((t) => ({
  createWebsiteFinding: t.prismaField({
    type: 'WebsiteFinding',
    authScopes: admin,
    args: { input: t.arg({ type: WebsiteFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createWebsiteFinding(ctx, input);
      return ctx.prisma.websiteFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateWebsiteFinding: t.prismaField({
    type: 'WebsiteFinding',
    authScopes: { supervisor: true },
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: FindingPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'WebsiteFinding');
      await updateFinding(ctx, 'website', id, args.version, args.input as FindingPatchValue);
      return ctx.prisma.websiteFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteWebsiteFinding: t.prismaField({
    type: 'WebsiteFinding',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'WebsiteFinding');
      return deleteFinding(
        ctx,
        'website',
        id,
        args.version,
        async (tx) => (await tx.websiteFinding.findUnique({ ...query, where: { id } }))!,
      );
    },
  }),

  createNewMediaFinding: t.prismaField({
    type: 'NewMediaFinding',
    authScopes: admin,
    args: { input: t.arg({ type: NewMediaFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createNewMediaFinding(ctx, input);
      return ctx.prisma.newMediaFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateNewMediaFinding: t.prismaField({
    type: 'NewMediaFinding',
    authScopes: { supervisor: true },
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: FindingPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'NewMediaFinding');
      await updateFinding(ctx, 'newMedia', id, args.version, args.input as FindingPatchValue);
      return ctx.prisma.newMediaFinding.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteNewMediaFinding: t.prismaField({
    type: 'NewMediaFinding',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = rawId(args.id, 'NewMediaFinding');
      return deleteFinding(
        ctx,
        'newMedia',
        id,
        args.version,
        async (tx) => (await tx.newMediaFinding.findUnique({ ...query, where: { id } }))!,
      );
    },
  }),
}));
