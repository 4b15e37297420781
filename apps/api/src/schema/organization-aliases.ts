// Organisation aliases (other printed names of a body): the type, the dashboard's page list and
// the administrators' writes, each calling a service in services/organizations.
import { builder } from '../builder.ts';
import { createOrganizationAlias } from '../services/organizations/create-organization-alias.ts';
import { deleteOrganizationAlias } from '../services/organizations/delete-organization-alias.ts';
import { updateOrganizationAlias } from '../services/organizations/update-organization-alias.ts';
import { rawId } from './ids.ts';
import { definePage } from './pagination.ts';
import { likeText, idVersionArgs } from './shared.ts';

export const OrganizationAlias = builder.prismaNode('OrganizationAlias', {
  description: '单位的别名:文件或检查通报中对该单位的其他写法,按名称查找单位时也匹配别名',
  id: { field: 'id' },
  fields: (t) => ({
    alias: t.exposeString('alias', { description: '别名' }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT',
    }),
    organization: t.relation('organization', { description: '所属单位' }),
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
    ids: t.idList({ description: '只看这些全局 ID', required: false }),
    q: t.string({ description: '别名中的一段', required: false }),
    organizationId: t.id({ description: '只看这个单位(全局 ID)的别名', required: false }),
  }),
});

const OrganizationAliasInput = builder.inputType('OrganizationAliasInput', {
  description: '新建单位别名的内容',
  fields: (t) => ({
    organizationId: t.id({ description: '所属单位的全局 ID', required: true }),
    alias: t.string({ description: '别名,不能与已有别名重复', required: true }),
  }),
});

const OrganizationAliasPatch = builder.inputType('OrganizationAliasPatch', {
  description: '单位别名的修改内容;缺省的字段保持不变',
  fields: (t) => ({
    organizationId: t.id({ description: '所属单位的全局 ID', required: false }),
    alias: t.string({ description: '别名', required: false }),
  }),
});

const organizationOf = (id: string) => rawId(id, 'Organization', 'input.organizationId');

const admin = { admin: true } as const;
builder.mutationFields((t) => ({
  createOrganizationAlias: t.prismaField({
    description: '新建单位别名(需管理员权限)',
    type: 'OrganizationAlias',
    authScopes: admin,
    args: {
      input: t.arg({ description: '新别名的内容', type: OrganizationAliasInput, required: true }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await createOrganizationAlias(ctx, {
        organizationId: organizationOf(input.organizationId),
        alias: input.alias,
      });
      return ctx.prisma.organizationAlias.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOrganizationAlias: t.prismaField({
    description: '修改单位别名(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'OrganizationAlias',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '别名'),
      input: t.arg({ description: '修改内容', type: OrganizationAliasPatch, required: true }),
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
    description: '删除单位别名(需管理员权限);version 不是当前值时报 CONFLICT',
    type: 'OrganizationAlias',
    authScopes: admin,
    args: {
      ...idVersionArgs(t.arg, '别名'),
    },
    resolve: (query, _root, args, ctx) =>
      deleteOrganizationAlias(ctx, rawId(args.id, 'OrganizationAlias'), args.version, query),
  }),
}));
