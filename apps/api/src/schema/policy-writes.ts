// Administrators' writes of policies: every update and delete names the record's version
// (stale → CONFLICT, nothing changed); each resolver calls a service in services/policies.
import { builder } from '../builder.ts';
import { createPolicy } from '../services/policies/create-policy.ts';
import { deletePolicy } from '../services/policies/delete-policy.ts';
import { updatePolicy } from '../services/policies/update-policy.ts';
import { rawId } from './ids.ts';
import { PolicyCategoryEnum } from './policy-parts.ts';

const PolicyInput = builder.inputType('PolicyInput', {
  fields: (t) => ({
    docNo: t.string({
      required: true,
      description: 'Any printed form; stored normalised with 〔〕.',
    }),
    title: t.string({ required: true }),
    category: t.field({ type: PolicyCategoryEnum, required: true }),
    signedOn: t.field({ type: 'Date', required: true }),
    validityClause: t.string({
      required: false,
      description: 'When given, effectiveFrom/expiresOn/isTrial default to what it says.',
    }),
    effectiveFrom: t.field({ type: 'Date', required: false }),
    expiresOn: t.field({ type: 'Date', required: false }),
    isTrial: t.boolean({ required: false }),
    issuers: t.stringList({
      required: false,
      description: 'Issuing bodies (names or aliases), in printed order.',
    }),
    issueLabel: t.string({ required: false }),
    page: t.int({ required: false }),
    summary: t.string({ required: false }),
  }),
});

const PolicyPatch = builder.inputType('PolicyPatch', {
  fields: (t) => ({
    title: t.string({ required: false }),
    category: t.field({ type: PolicyCategoryEnum, required: false }),
    signedOn: t.field({ type: 'Date', required: false }),
    validityClause: t.string({ required: false }),
    effectiveFrom: t.field({ type: 'Date', required: false }),
    expiresOn: t.field({ type: 'Date', required: false }),
    isTrial: t.boolean({ required: false }),
    issuers: t.stringList({ required: false }),
    issueLabel: t.string({ required: false }),
    page: t.int({ required: false }),
    summary: t.string({ required: false }),
  }),
});

const admin = { admin: true } as const;
builder.mutationFields((t) => ({
  createPolicy: t.prismaField({
    type: 'Policy',
    authScopes: admin,
    args: { input: t.arg({ type: PolicyInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createPolicy(ctx, input);
      return ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updatePolicy: t.prismaField({
    type: 'Policy',
    authScopes: admin,
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: PolicyPatch, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'Policy');
      await updatePolicy(ctx, id, args.version, args.input);
      return ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deletePolicy: t.prismaField({
    type: 'Policy',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      deletePolicy(ctx, rawId(args.id, 'Policy'), args.version, query),
  }),
}));
