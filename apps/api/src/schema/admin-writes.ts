// Administrators' create / update / delete of policies, organisations and aliases. Every update
// and delete names the record's version (stale → CONFLICT, nothing changed) and is audited.
import { indexPolicy } from '@gazette/db/search/index-policy';
import { recordChange } from '@gazette/db/changes/record';
import { normalizeOrganizationName, parseDocNo, parseValidityClause, badInput, toUtcMidnight, type PlainDate } from '@gazette/domain';
import { builder } from '../builder.ts';
import { rawId } from './ids.ts';
import { PolicyCategoryEnum } from './policies.ts';
import { findOrganizationByName, OrganizationTypeEnum } from './organizations.ts';
import { createAudited, definedOnly, deleteVersioned, updateVersioned, writeTransaction, type Tx } from './write-helpers.ts';

const day = (d: PlainDate | null | undefined) => (d == null ? d : toUtcMidnight(d));

// ------------------------------------------------------------------ policies

const PolicyInput = builder.inputType('PolicyInput', {
  fields: (t) => ({
    docNo: t.string({ required: true, description: 'Any printed form; stored normalised with 〔〕.' }),
    title: t.string({ required: true }),
    category: t.field({ type: PolicyCategoryEnum, required: true }),
    signedOn: t.field({ type: 'Date', required: true }),
    validityClause: t.string({ required: false, description: 'When given, effectiveFrom/expiresOn/isTrial default to what it says.' }),
    effectiveFrom: t.field({ type: 'Date', required: false }),
    expiresOn: t.field({ type: 'Date', required: false }),
    isTrial: t.boolean({ required: false }),
    issuers: t.stringList({ required: false, description: 'Issuing bodies (names or aliases), in printed order.' }),
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

async function issuerRows(tx: Tx, names: readonly string[]) {
  const rows = [];
  for (const [position, name] of names.entries()) {
    const org = await findOrganizationByName(tx, name, { select: { id: true } });
    if (!org) throw badInput(`input.issuers[${position}]`, `未登记的发文机关:${name}`);
    rows.push({ organizationId: org.id, position });
  }
  return rows;
}

function validityFields(input: { validityClause?: string | null; signedOn?: PlainDate | null; effectiveFrom?: PlainDate | null; expiresOn?: PlainDate | null; isTrial?: boolean | null }) {
  // The text's own clause decides unless an administrator sets the dates explicitly.
  const parsed = input.validityClause && input.signedOn ? parseValidityClause(input.validityClause, input.signedOn) : null;
  return definedOnly({
    effectiveFrom: day(input.effectiveFrom ?? parsed?.effectiveFrom ?? undefined),
    expiresOn: input.expiresOn !== undefined ? day(input.expiresOn) : parsed ? day(parsed.expiresOn) : undefined,
    isTrial: input.isTrial ?? parsed?.isTrial ?? undefined,
  });
}

// ------------------------------------------------------------------ organisations

const OrganizationInput = builder.inputType('OrganizationInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    shortName: t.string({ required: false }),
    type: t.field({ type: OrganizationTypeEnum, required: true }),
    parentId: t.id({ required: false }),
  }),
});

const OrganizationPatch = builder.inputType('OrganizationPatch', {
  fields: (t) => ({
    name: t.string({ required: false }),
    shortName: t.string({ required: false }),
    type: t.field({ type: OrganizationTypeEnum, required: false }),
    parentId: t.id({ required: false }),
  }),
});

const OrganizationAliasInput = builder.inputType('OrganizationAliasInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true }),
    alias: t.string({ required: true }),
  }),
});

const OrganizationAliasPatch = builder.inputType('OrganizationAliasPatch', {
  fields: (t) => ({
    organizationId: t.id({ required: false }),
    alias: t.string({ required: false }),
  }),
});

function aliasText(alias: string): string {
  const key = normalizeOrganizationName(alias);
  if (key.length < 2) throw badInput('input.alias', 'alias(别名)至少2个字符');
  return key;
}

function nonEmpty(value: string | null | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (!text) throw badInput(field, `${field} 不能为空`);
  return text;
}

const admin = { admin: true } as const;
builder.mutationFields((t) => ({
  createPolicy: t.prismaField({
    type: 'Policy',
    authScopes: admin,
    args: { input: t.arg({ type: PolicyInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const parsed = parseDocNo(input.docNo);
      if (!parsed) throw badInput('input.docNo', `docNo 不是有效的文号:${input.docNo}`);
      const id = await writeTransaction(ctx, async (tx) => {
        const validity = validityFields(input);
        const created = await createAudited(tx, ctx, 'policy', {
          docNo: parsed.docNo,
          prefix: parsed.prefix,
          year: parsed.year,
          serial: parsed.serial,
          title: nonEmpty(input.title, 'input.title'),
          category: input.category,
          signedOn: day(input.signedOn),
          effectiveFrom: validity.effectiveFrom ?? day(input.signedOn),
          expiresOn: validity.expiresOn ?? null,
          isTrial: validity.isTrial ?? false,
          validityClause: input.validityClause ?? null,
          issueLabel: input.issueLabel ?? null,
          page: input.page ?? null,
          summary: input.summary ?? null,
        });
        if (input.issuers?.length) {
          await tx.policyIssuer.createMany({ data: (await issuerRows(tx, input.issuers)).map((r) => ({ ...r, policyId: created.id })) });
        }
        await indexPolicy(tx, created.id);
        await recordChange(tx, { kind: 'POLICY_ADDED', docNo: parsed.docNo, entityId: created.id });
        return created.id;
      });
      return ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updatePolicy: t.prismaField({
    type: 'Policy',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: PolicyPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'Policy');
      const { input } = args;
      await writeTransaction(ctx, async (tx) => {
        const current = await tx.policy.findUnique({ where: { id } });
        const signedOn = input.signedOn ?? (current ? current.signedOn.toISOString().slice(0, 10) : undefined);
        const data = definedOnly({
          title: nonEmpty(input.title, 'input.title'),
          category: input.category ?? undefined,
          signedOn: day(input.signedOn ?? undefined),
          validityClause: input.validityClause,
          issueLabel: input.issueLabel,
          page: input.page,
          summary: input.summary,
          ...validityFields({ ...input, signedOn }),
        });
        if (input.issuers) {
          const rows = await issuerRows(tx, input.issuers);
          await tx.policyIssuer.deleteMany({ where: { policyId: id } });
          await tx.policyIssuer.createMany({ data: rows.map((r) => ({ ...r, policyId: id })) });
        }
        await updateVersioned(tx, ctx, 'policy', id, args.version, data);
        await indexPolicy(tx, id);
        await recordChange(tx, { kind: 'POLICY_CHANGED', docNo: current?.docNo ?? null, entityId: id, details: { fields: Object.keys(data) } });
      });
      return ctx.prisma.policy.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deletePolicy: t.prismaField({
    type: 'Policy',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'Policy');
        const row = await tx.policy.findUnique({ ...query, where: { id } });
        const docNo = (await tx.policy.findUnique({ where: { id }, select: { docNo: true } }))?.docNo ?? null;
        await deleteVersioned(tx, ctx, 'policy', id, args.version);
        // The contract has no "removed" kind: a removed document is a changed one, said so in details.
        await recordChange(tx, { kind: 'POLICY_CHANGED', docNo, entityId: id, details: { deleted: true } });
        return row!;
      }),
  }),

  createOrganization: t.prismaField({
    type: 'Organization',
    authScopes: admin,
    args: { input: t.arg({ type: OrganizationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await writeTransaction(ctx, async (tx) =>
        (
          await createAudited(tx, ctx, 'organization', {
            name: normalizeOrganizationName(nonEmpty(input.name, 'input.name')!),
            shortName: input.shortName ? normalizeOrganizationName(input.shortName) : null,
            type: input.type,
            parentId: input.parentId ? rawId(input.parentId, 'Organization', 'input.parentId') : null,
          })
        ).id,
      );
      return ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOrganization: t.prismaField({
    type: 'Organization',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: OrganizationPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'Organization');
      const { input } = args;
      await writeTransaction(ctx, (tx) =>
        updateVersioned(tx, ctx, 'organization', id, args.version, definedOnly({
          name: input.name == null ? undefined : normalizeOrganizationName(nonEmpty(input.name, 'input.name')!),
          shortName: input.shortName === undefined ? undefined : input.shortName && normalizeOrganizationName(input.shortName),
          type: input.type ?? undefined,
          parentId: input.parentId === undefined ? undefined : input.parentId && rawId(input.parentId, 'Organization', 'input.parentId'),
        })),
      );
      return ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteOrganization: t.prismaField({
    type: 'Organization',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'Organization');
        const row = await tx.organization.findUnique({ ...query, where: { id } });
        await deleteVersioned(tx, ctx, 'organization', id, args.version);
        return row!;
      }),
  }),

  createOrganizationAlias: t.prismaField({
    type: 'OrganizationAlias',
    authScopes: admin,
    args: { input: t.arg({ type: OrganizationAliasInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await writeTransaction(ctx, async (tx) =>
        (
          await createAudited(tx, ctx, 'organizationAlias', {
            organizationId: rawId(input.organizationId, 'Organization', 'input.organizationId'),
            alias: aliasText(input.alias),
          })
        ).id,
      );
      return ctx.prisma.organizationAlias.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOrganizationAlias: t.prismaField({
    type: 'OrganizationAlias',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: OrganizationAliasPatch, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = rawId(args.id, 'OrganizationAlias');
      await writeTransaction(ctx, (tx) =>
        updateVersioned(tx, ctx, 'organizationAlias', id, args.version, definedOnly({
          alias: args.input.alias == null ? undefined : aliasText(args.input.alias),
          organizationId: args.input.organizationId == null ? undefined : rawId(args.input.organizationId, 'Organization', 'input.organizationId'),
        })),
      );
      return ctx.prisma.organizationAlias.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteOrganizationAlias: t.prismaField({
    type: 'OrganizationAlias',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      writeTransaction(ctx, async (tx) => {
        const id = rawId(args.id, 'OrganizationAlias');
        const row = await tx.organizationAlias.findUnique({ ...query, where: { id } });
        await deleteVersioned(tx, ctx, 'organizationAlias', id, args.version);
        return row!;
      }),
  }),
}));
