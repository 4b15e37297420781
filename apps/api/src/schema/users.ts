// Accounts: the User type, `me`, and the administrators' user management (ADMIN only).
import { DomainError } from '@gazette/domain';
import type { Role } from '@gazette/db';
import { builder } from '../builder.ts';
import { authScopesFor } from '../auth/roles.ts';
import { createUser } from '../services/users/create-user.ts';
import { deactivateUser } from '../services/users/deactivate-user.ts';
import { updateUser } from '../services/users/update-user.ts';
import { userWhere, USER_SORT_FIELDS, type UserFilter } from '../services/users/user-where.ts';
import { definePage } from './pagination.ts';
import { noRow } from './shared.ts';

export const RoleEnum = builder.enumType('Role', {
  values: {
    ADMIN: { description: '管理员:全部权限' },
    SUPERVISOR: { description: '监督员:可读全部;可办理案件、修改检查记录;不能改费率和账户' },
    VIEWER: { description: '只读' },
  },
});

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  // Administrators see every account; anyone else only their own (through `me`).
  authScopes: (user, ctx) =>
    authScopesFor(ctx.viewer).admin ||
    (ctx.viewer.kind === 'user' && ctx.viewer.userId === user.id),
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name', { nullable: true }),
    role: t.expose('role', { type: RoleEnum }),
    active: t.exposeBoolean('active'),
    version: t.exposeInt('version'),
    createdAt: t.string({ resolve: (u) => u.createdAt.toISOString() }),
    updatedAt: t.string({ resolve: (u) => u.updatedAt.toISOString() }),
  }),
});

export const UserFilterInput = builder.inputType('UserFilter', {
  fields: (t) => ({
    q: t.string({ required: false, description: 'Part of the email or name.' }),
    role: t.field({ type: RoleEnum, required: false }),
    active: t.boolean({ required: false }),
  }),
});

definePage<UserFilter>({
  field: 'usersPage',
  type: 'User',
  model: 'user',
  authScopes: { admin: true },
  sortable: USER_SORT_FIELDS,
  defaultSort: 'email',
  filterInput: UserFilterInput,
  where: (filter) => userWhere(filter),
});

export const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: true }),
    password: t.string({
      required: true,
      description: 'At least 10 characters; stored only as a scrypt hash.',
    }),
  }),
});

export const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    name: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    active: t.boolean({ required: false }),
    password: t.string({ required: false }),
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
    description: 'The signed-in user; null for anonymous callers and API tokens.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer.kind === 'user'
        ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } })
        : noRow(query),
  }),
}));

builder.mutationFields((t) => {
  const deactivateField = () =>
    t.prismaField({
      type: 'User',
      authScopes: { admin: true },
      args: { id: t.arg.globalID({ required: true }), version: t.arg.int({ required: true }) },
      resolve: async (query, _root, { id, version }, ctx) => {
        const user = await deactivateUser(ctx, userId(id), version);
        return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
      },
    });
  return {
    createUser: t.prismaField({
      type: 'User',
      authScopes: { admin: true },
      args: { input: t.arg({ type: CreateUserInput, required: true }) },
      resolve: async (query, _root, { input }, ctx) => {
        const user = await createUser(ctx, { ...input, role: input.role as Role });
        return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
      },
    }),
    updateUser: t.prismaField({
      type: 'User',
      authScopes: { admin: true },
      description: 'Fails with CONFLICT when `version` is not the current one.',
      args: {
        id: t.arg.globalID({ required: true }),
        version: t.arg.int({ required: true }),
        input: t.arg({ type: UpdateUserInput, required: true }),
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
