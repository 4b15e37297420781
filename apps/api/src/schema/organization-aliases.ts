// Organisation aliases (other printed names of a body): the type, the dashboard's page list and
// the administrators' writes, each calling a service in services/organizations.
import { builder } from '../builder.ts';
import { createOrganizationAlias } from '../services/organizations/create-organization-alias.ts';
import { deleteOrganizationAlias } from '../services/organizations/delete-organization-alias.ts';
import { updateOrganizationAlias } from '../services/organizations/update-organization-alias.ts';
import { rawId } from './ids.ts';
import { definePage } from './pagination.ts';
import { likeText } from './shared.ts';

export const OrganizationAlias = builder.prismaNode('OrganizationAlias', {
  id: { field: 'id' },
  fields: (t) => ({
    alias: t.exposeString('alias'),
    version: t.exposeInt('version'),
    organization: t.relation('organization'),
  }),
});

definePage<{ ids?: string[] | null; q?: string | null; organizationId?: string | null }>({
  field: 'organizationAliasesPage',
  label: '单位别名',
  type: 'OrganizationAlias',
  model: 'organizationAlias',
  sortable: ['alias', 'createdAt'],
  defaultSort: 'alias',
  where: (f) => ({
    ...(f.q ? { alias: { contains: likeText(f.q.trim()), mode: 'insensitive' as const } } : {}),
    ...(f.organizationId
      ? { organizationId: rawId(f.organizationId, 'Organization', 'organizationId') }
      : {}),
  }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false }),
    organizationId: t.id({ required: false }),
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

const organizationOf = (id: string) => rawId(id, 'Organization', 'input.organizationId');

const admin = { admin: true } as const;
builder.mutationFields((t) => ({
  createOrganizationAlias: t.prismaField({
    type: 'OrganizationAlias',
    authScopes: admin,
    args: { input: t.arg({ type: OrganizationAliasInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createOrganizationAlias(ctx, {
        organizationId: organizationOf(input.organizationId),
        alias: input.alias,
      });
      return ctx.prisma.organizationAlias.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOrganizationAlias: t.prismaField({
    type: 'OrganizationAlias',
    authScopes: admin,
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: OrganizationAliasPatch, required: true }),
    },
    resolve: async (query, _root, { id: globalId, version, input }, ctx) => {
      const id = rawId(globalId, 'OrganizationAlias');
      const organizationId =
        input.organizationId == null ? undefined : organizationOf(input.organizationId);
      await updateOrganizationAlias(ctx, id, version, { alias: input.alias, organizationId });
      return ctx.prisma.organizationAlias.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteOrganizationAlias: t.prismaField({
    type: 'OrganizationAlias',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      deleteOrganizationAlias(ctx, rawId(args.id, 'OrganizationAlias'), args.version, query),
  }),
}));
