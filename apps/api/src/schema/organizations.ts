import { normalizeOrganizationName } from '@gazette/domain';
import { bodyNameWhere } from '../services/organizations/resolve-body.ts';
import type { Prisma } from '@gazette/db';
import { builder, checkedMaxSize } from '../builder.ts';
import { direction, SortDirection } from './shared.ts';
import { likeText } from './shared.ts';

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

export const OrganizationAlias = builder.prismaNode('OrganizationAlias', {
  id: { field: 'id' },
  fields: (t) => ({
    alias: t.exposeString('alias'),
    version: t.exposeInt('version'),
    organization: t.relation('organization'),
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

export function organizationWhere(
  filter: { search?: string | null; type?: Prisma.OrganizationWhereInput['type'] | null } | null | undefined,
): Prisma.OrganizationWhereInput {
  if (!filter) return {};
  const and: Prisma.OrganizationWhereInput[] = [];
  const search = filter.search?.trim();
  if (search) {
    const key = normalizeOrganizationName(search);
    and.push({
      OR: [
        { name: { contains: likeText(key) } },
        { shortName: { contains: likeText(key) } },
        { aliases: { some: { alias: { contains: likeText(key) } } } },
      ],
    });
  }
  if (filter.type) and.push({ type: filter.type });
  return and.length ? { AND: and } : {};
}

const ORG_SORT = { NAME: 'name', TYPE: 'type', UPDATED_AT: 'updatedAt' } as const;

export function organizationOrderBy(
  field: keyof typeof ORG_SORT | null | undefined,
  dir: 'ASC' | 'DESC' | null | undefined,
): Prisma.OrganizationOrderByWithRelationInput[] {
  return [{ [ORG_SORT[field ?? 'NAME']]: direction(dir) }, { id: 'asc' }];
}

/** Finds a body by official name, short name or any registered alias (the database decides). */
export async function findOrganizationByName(
  prisma: Prisma.TransactionClient,
  name: string,
  query: { select?: Prisma.OrganizationSelect; include?: Prisma.OrganizationInclude } = {},
) {
  if (!normalizeOrganizationName(name)) return null;
  return prisma.organization.findFirst({ ...query, where: bodyNameWhere(name) });
}

builder.queryFields((t) => ({
  // By official name or any registered alias (contract README, "Inspections").
  organization: t.prismaField({
    type: 'Organization',
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => findOrganizationByName(ctx.prisma, args.name, query),
  }),
  organizations: t.prismaConnection({
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
        orderBy: organizationOrderBy(args.sort?.field, args.sort?.direction),
      }),
    totalCount: (_p, args, ctx) => ctx.prisma.organization.count({ where: organizationWhere(args.filter) }),
  }),
}));
