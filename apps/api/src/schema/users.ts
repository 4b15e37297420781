// Accounts: the User type, `me`, and the administrators' user management (ADMIN only).
import { DomainError } from '@gazette/domain';
import type { Role, User as UserRow } from '@gazette/db';
import { builder } from '../builder.ts';
import { authScopesFor } from '../auth/roles.ts';
import { createUser } from '../services/users/create-user.ts';
import { deactivateUser } from '../services/users/deactivate-user.ts';
import { updateUser } from '../services/users/update-user.ts';
import { userWhere, USER_SORT_FIELDS, type UserFilter } from '../services/users/user-where.ts';
import { definePage } from './pagination.ts';
import { noRow } from './shared.ts';

export const RoleEnum = builder.enumType('Role', {
  description: '账户角色,决定可执行的操作',
  values: {
    ADMIN: { description: '管理员:全部权限' },
    SUPERVISOR: { description: '监督员:可读全部;可办理案件、修改检查记录;不能改费率和账户' },
    VIEWER: { description: '只读' },
  },
});

export const User = builder.prismaNode('User', {
  description: '登录账户(仅管理员可见全部账户;其他人只能通过 me 看到自己)',
  id: { field: 'id' },
  // Administrators see every account; anyone else only their own (through `me`).
  authScopes: (user, ctx) =>
    authScopesFor(ctx.viewer).admin ||
    (ctx.viewer.kind === 'user' && ctx.viewer.userId === user.id),
  fields: (t) => ({
    email: t.exposeString('email', { description: '登录邮箱,唯一' }),
    name: t.exposeString('name', { description: '姓名', nullable: true }),
    role: t.expose('role', { description: '角色', type: RoleEnum }),
    active: t.exposeBoolean('active', { description: '是否启用;停用的账户不能登录' }),
    version: t.exposeInt('version', {
      description: '版本号:修改时须传回当前值,不一致时报 CONFLICT(乐观并发控制)',
    }),
    createdAt: t.string({
      description: '创建时间(ISO 时间戳)',
      resolve: (u) => u.createdAt.toISOString(),
    }),
    updatedAt: t.string({
      description: '最后修改时间(ISO 时间戳)',
      resolve: (u) => u.updatedAt.toISOString(),
    }),
  }),
});

export const UserFilterInput = builder.inputType('UserFilter', {
  description: '账户列表的筛选条件',
  fields: (t) => ({
    q: t.string({ required: false, description: '邮箱或姓名中的一段' }),
    role: t.field({ description: '只看这个角色', type: RoleEnum, required: false }),
    active: t.boolean({ description: '只看启用(true)或停用(false)的账户', required: false }),
  }),
});

definePage<UserFilter>({
  field: 'usersPage',
  label: '账户',
  type: 'User',
  model: 'user',
  authScopes: { admin: true },
  sortable: USER_SORT_FIELDS,
  defaultSort: 'email',
  filterInput: UserFilterInput,
  where: (filter) => userWhere(filter),
});

export const CreateUserInput = builder.inputType('CreateUserInput', {
  description: '新建账户的内容',
  fields: (t) => ({
    email: t.string({ description: '登录邮箱,不能与已有账户重复', required: true }),
    name: t.string({ description: '姓名', required: false }),
    role: t.field({ description: '角色', type: RoleEnum, required: true }),
    password: t.string({
      required: true,
      description: '密码:至少 10 个字符,只保存 scrypt 哈希',
    }),
  }),
});

export const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: '账户的修改内容;缺省的字段保持不变',
  fields: (t) => ({
    name: t.string({ description: '姓名', required: false }),
    role: t.field({ description: '角色', type: RoleEnum, required: false }),
    active: t.boolean({ description: '是否启用', required: false }),
    password: t.string({
      description: '新密码:至少 10 个字符,只保存 scrypt 哈希',
      required: false,
    }),
  }),
});

/** Decodes a User global ID (or accepts a raw id), refusing other types' IDs. */
function userId(id: { typename: string; id: string }) {
  if (id.typename !== 'User') throw new DomainError('NOT_FOUND', '用户不存在');
  return id.id;
}

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'User',
    nullable: true,
    description: '当前登录的账户;匿名调用者和 API 令牌为 null',
    resolve: (query, _root, _args, ctx) => {
      if (ctx.viewer.kind !== 'user') return noRow(query);
      // The account's own columns (no relation asked for): the row this request's authentication
      // read, in the same statement that checked the session; no second query.
      if (ctx.viewer.account && Object.keys(query).length === 0)
        return ctx.viewer.account as UserRow;
      return ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } });
    },
  }),
}));

builder.mutationFields((t) => {
  const deactivateField = () =>
    t.prismaField({
      description: '停用账户(需管理员权限);version 不是当前值时报 CONFLICT',
      type: 'User',
      authScopes: { admin: true },
      args: {
        id: t.arg.globalID({ description: '账户的全局 ID', required: true }),
        version: t.arg.int({ description: '账户当前的版本号', required: true }),
      },
      resolve: async (query, _root, { id, version }, ctx) => {
        const user = await deactivateUser(ctx, userId(id), version);
        return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
      },
    });
  return {
    createUser: t.prismaField({
      description: '新建账户(需管理员权限)',
      type: 'User',
      authScopes: { admin: true },
      args: {
        input: t.arg({ description: '新账户的内容', type: CreateUserInput, required: true }),
      },
      resolve: async (query, _root, { input }, ctx) => {
        const user = await createUser(ctx, { ...input, role: input.role as Role });
        return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
      },
    }),
    updateUser: t.prismaField({
      type: 'User',
      authScopes: { admin: true },
      description: '修改账户(需管理员权限);version 不是当前值时报 CONFLICT',
      args: {
        id: t.arg.globalID({ description: '账户的全局 ID', required: true }),
        version: t.arg.int({ description: '账户当前的版本号', required: true }),
        input: t.arg({ description: '修改内容', type: UpdateUserInput, required: true }),
      },
      resolve: async (query, _root, { id, version, input }, ctx) => {
        const user = await updateUser(ctx, { id: userId(id), version, ...input });
        return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
      },
    }),
    deactivateUser: deactivateField(),
    // react-admin's delete: accounts are never deleted (audit entries point at them), only deactivated.
    deleteUser: deactivateField(),
  };
});
