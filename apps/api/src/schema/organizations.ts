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
import { direction, SortDirection, idVersionArgs } from './shared.ts';

export const OrganizationTypeEnum = builder.enumType('OrganizationType', {
  description: '单位类别',
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
  description: '单位:发文机关、被检查单位、职责部门等',
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name', { description: '全称' }),
    shortName: t.exposeString('shortName', { description: '简称', nullable: true }),
    type: t.expose('type', { description: '类别', type: OrganizationTypeEnum }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    parent: t.relation('parent', { description: '上级单位', nullable: true }),
    aliases: t.relation('aliases', {
      description: '登记的别名(按别名排序)',
      query: { orderBy: { alias: 'asc' } },
    }),
    issuedPolicies: t.relatedConnection('issuedPolicies', {
      description: '该单位(作为发文机关之一)发布的规范性文件,按发文机关中的排列顺序',
      cursor: 'policyId_organizationId',
      maxSize: checkedMaxSize,
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

builder.prismaObject('PolicyIssuer', {
  description: '规范性文件的一个发文机关(联合发文时有多个)',
  fields: (t) => ({
    position: t.exposeInt('position', { description: '在发文机关中的排列位置,越小越靠前' }),
    policy: t.relation('policy', { description: '规范性文件' }),
    organization: t.relation('organization', { description: '发文机关' }),
  }),
});

export const OrganizationFilter = builder.inputType('OrganizationFilter', {
  description: '单位列表的筛选条件',
  fields: (t) => ({
    search: t.string({ required: false, description: '全称、简称或别名中的一段' }),
    type: t.field({ description: '只看这个类别', type: OrganizationTypeEnum, required: false }),
  }),
});

export const OrganizationSortField = builder.enumType('OrganizationSortField', {
  description: '单位列表的排序字段',
  values: {
    NAME: { description: '全称' },
    TYPE: { description: '类别' },
    UPDATED_AT: { description: '最后修改时间' },
  } as const,
});

export const OrganizationSort = builder.inputType('OrganizationSort', {
  description: '单位列表的排序',
  fields: (t) => ({
    field: t.field({ description: '排序字段', type: OrganizationSortField, required: true }),
    direction: t.field({ description: '排序方向,缺省升序', type: SortDirection, required: false }),
  }),
});

const ORG_SORT = { NAME: 'name', TYPE: 'type', UPDATED_AT: 'updatedAt' } as const;

builder.queryFields((t) => ({
  // By official name or any registered alias (contract README, "Inspections").
  organization: t.prismaField({
    description: '按全称或任一登记的别名查找单位;找不到时为 null',
    type: 'Organization',
    nullable: true,
    args: { name: t.arg.string({ description: '全称或别名', required: true }) },
    resolve: (query, _root, args, ctx) => findOrganizationByName(ctx.prisma, args.name, query),
  }),
  organizations: t.prismaConnection({
    description: `单位列表(Relay 连接)。${TOTAL_COUNT_NOTE}`,
    type: 'Organization',
    cursor: 'id',
    maxSize: checkedMaxSize,
    args: {
      filter: t.arg({ description: '筛选条件', type: OrganizationFilter, required: false }),
      sort: t.arg({ description: '排序,缺省按全称升序', type: OrganizationSort, required: false }),
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
      return totalCount(ctx, 'Organization', where, () => ctx.prisma.organization.count({ where }));
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
    ids: t.idList({ description: '只看这些全局 ID', required: false }),
    q: t.string({ required: false, description: '全称、简称或别名中的一段' }),
    type: t.field({ description: '只看这个类别', type: OrganizationTypeEnum, required: false }),
  }),
});

const OrganizationInput = builder.inputType('OrganizationInput', {
  description: '新建单位的内容',
  fields: (t) => ({
    name: t.string({ description: '全称,不能与已有单位重复', required: true }),
    shortName: t.string({ description: '简称', required: false }),
    type: t.field({ description: '类别', type: OrganizationTypeEnum, required: true }),
    parentId: t.id({ description: '上级单位的全局 ID', required: false }),
  }),
});

const OrganizationPatch = builder.inputType('OrganizationPatch', {
  description: '单位的修改内容;缺省的字段保持不变',
  fields: (t) => ({
    name: t.string({ description: '全称', required: false }),
    shortName: t.string({ description: '简称', required: false }),
    type: t.field({ description: '类别', type: OrganizationTypeEnum, required: false }),
    parentId: t.id({ description: '上级单位的全局 ID', required: false }),
  }),
});

const parentOf = (id: string | null | undefined) =>
  id == null ? id : rawId(id, 'Organization', 'input.parentId');

const admin = { admin: true } as const;
builder.mutationFields((t) => ({
  createOrganization: t.prismaField({
    description: '新建单位(需管理员权限)',
    type: 'Organization',
    authScopes: admin,
    args: {
      input: t.arg({ description: '新单位的内容', type: OrganizationInput, required: true }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createOrganization(ctx, { ...input, parentId: parentOf(input.parentId) });
      return ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOrganization: t.prismaField({
    description: '修改单位(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'Organization',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '单位'),
      input: t.arg({ description: '修改内容', type: OrganizationPatch, required: true }),
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
    description: '删除单位(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'Organization',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '单位'),
    },
    resolve: (query, _root, args, ctx) =>
      deleteOrganization(ctx, rawId(args.id, 'Organization'), args.version, query),
  }),
}));
