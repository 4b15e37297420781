// Organisations (issuing and inspected bodies): the type, the contract's queries, the dashboard's
// page list and the administrators' writes, each calling a service in services/organizations.
import type { Prisma } from '@gazette/db';
import { builder, checkedMaxSize } from '../builder.ts';
import { totalCount, TOTAL_COUNT_NOTE } from '../services/paging.ts';
import { createOrganization } from '../services/organizations/create-organization.ts';
import { deleteOrganization } from '../services/organizations/delete-organization.ts';
import { findOrganizationByName } from '../services/organizations/find-organization-by-name.ts';
import { organizationWhere } from '../services/organizations/organization-where.ts';
import { updateOrganization } from '../services/organizations/update-organization.ts';
import { rawId } from './ids.ts';
import { definePage } from './pagination.ts';
import { direction, SortDirection } from './shared.ts';

export const OrganizationTypeEnum = builder.enumType('OrganizationType', {
  values: {
    CITY_GOVERNMENT: { description: '市政府' },
    DISTRICT_COUNTY: { description: '区县' },
    PARK: { description: '园区' },
    DEPARTMENT: { description: '市级部门' },
    STATE_AGENCY: { description: '垂直管理单位' },
    OTHER: { description: '其他' },
  },
});

export const Organization = builder.prismaNode('Organization', {
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName', { nullable: true }),
    type: t.expose('type', { type: OrganizationTypeEnum }),
    version: t.exposeInt('version'),
    parent: t.relation('parent', { nullable: true }),
    aliases: t.relation('aliases', { query: { orderBy: { alias: 'asc' } } }),
    issuedPolicies: t.relatedConnection('issuedPolicies', {
      cursor: 'policyId_organizationId',
      maxSize: checkedMaxSize,
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

builder.prismaObject('PolicyIssuer', {
  fields: (t) => ({
    position: t.exposeInt('position'),
    policy: t.relation('policy'),
    organization: t.relation('organization'),
  }),
});

export const OrganizationFilter = builder.inputType('OrganizationFilter', {
  fields: (t) => ({
    search: t.string({ required: false, description: 'Part of the name, short name or an alias.' }),
    type: t.field({ type: OrganizationTypeEnum, required: false }),
  }),
});

export const OrganizationSortField = builder.enumType('OrganizationSortField', {
  values: ['NAME', 'TYPE', 'UPDATED_AT'] as const,
});

export const OrganizationSort = builder.inputType('OrganizationSort', {
  fields: (t) => ({
    field: t.field({ type: OrganizationSortField, required: true }),
    direction: t.field({ type: SortDirection, required: false }),
  }),
});

const ORG_SORT = { NAME: 'name', TYPE: 'type', UPDATED_AT: 'updatedAt' } as const;

builder.queryFields((t) => ({
  // By official name or any registered alias (contract README, "Inspections").
  organization: t.prismaField({
    type: 'Organization',
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => findOrganizationByName(ctx.prisma, args.name, query),
  }),
  organizations: t.prismaConnection({
    description: TOTAL_COUNT_NOTE,
    type: 'Organization',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ type: OrganizationFilter, required: false }),
      sort: t.arg({ type: OrganizationSort, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.organization.findMany({
        ...query,
        where: organizationWhere(args.filter),
        orderBy: [
          { [ORG_SORT[args.sort?.field ?? 'NAME']]: direction(args.sort?.direction) },
          { id: 'asc' },
        ],
      }),
    totalCount: (_parent, args, ctx) => {
      const where = organizationWhere(args.filter);
      return totalCount(ctx.prisma, 'Organization', where, () =>
        ctx.prisma.organization.count({ where }),
      );
    },
  }),
}));

definePage<{
  ids?: string[] | null;
  q?: string | null;
  type?: Prisma.OrganizationWhereInput['type'] | null;
}>({
  field: 'organizationsPage',
  label: '单位',
  type: 'Organization',
  model: 'organization',
  sortable: ['name', 'shortName', 'type', 'updatedAt'],
  defaultSort: 'name',
  where: (f) => organizationWhere({ search: f.q, type: f.type }),
  filter: (t) => ({
    ids: t.idList({ required: false }),
    q: t.string({ required: false, description: 'Part of the name, short name or an alias.' }),
    type: t.field({ type: OrganizationTypeEnum, required: false }),
  }),
});

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

const parentOf = (id: string | null | undefined) =>
  id == null ? id : rawId(id, 'Organization', 'input.parentId');

const admin = { admin: true } as const;
builder.mutationFields((t) => ({
  createOrganization: t.prismaField({
    type: 'Organization',
    authScopes: admin,
    args: { input: t.arg({ type: OrganizationInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createOrganization(ctx, { ...input, parentId: parentOf(input.parentId) });
      return ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOrganization: t.prismaField({
    type: 'Organization',
    authScopes: admin,
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: OrganizationPatch, required: true }),
    },
    resolve: async (query, _root, { id: globalId, version, input }, ctx) => {
      const id = rawId(globalId, 'Organization');
      await updateOrganization(ctx, id, version, {
        ...input,
        parentId: input.parentId === '' ? null : parentOf(input.parentId),
      });
      return ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteOrganization: t.prismaField({
    type: 'Organization',
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      deleteOrganization(ctx, rawId(args.id, 'Organization'), args.version, query),
  }),
}));
