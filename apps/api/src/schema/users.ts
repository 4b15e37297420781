// Accounts: the User type, `me`, and the administrators' user management (ADMIN only).
import { DomainError } from '@gazette/domain';
import type { Role } from '@gazette/db';
import type { ArgBuilder } from '@pothos/core';
import { builder } from '../builder.ts';
import {
  createUser,
  deactivateUser,
  updateUser,
  userWhere,
  USER_SORT_FIELDS,
  type UserFilter,
} from '../services/accounts.ts';
import { pageArgs } from '../services/paging.ts';
import { authScopesFor } from '../auth/roles.ts';
import { SortInput } from './shared.ts';

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

/** Arguments of every page-shaped list (react-admin's getList): page from 1, perPage ≤ 100. */
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export function pageFieldArgs(t: ArgBuilder<Types>) {
  return {
    page: t.int({ required: false, description: 'From 1; default 1.' }),
    perPage: t.int({ required: false, description: '1–100; default 25.' }),
    sort: t({ type: SortInput, required: false }),
  };
}

export const UserFilterInput = builder.inputType('UserFilter', {
  fields: (t) => ({
    q: t.string({ required: false, description: 'Part of the email or name.' }),
    role: t.field({ type: RoleEnum, required: false }),
    active: t.boolean({ required: false }),
  }),
});

interface UserPageArgs {
  page?: number | null;
  perPage?: number | null;
  sort?: { field: string; order: 'ASC' | 'DESC' } | null;
  filter?: UserFilter | null;
}

const UserPage = builder.objectRef<UserPageArgs>('UserPage').implement({
  fields: (t) => ({
    nodes: t.prismaField({
      type: ['User'],
      resolve: (query, args, _a, ctx) => {
        const { skip, take, orderBy } = pageArgs(
          { ...args, sortField: args.sort?.field, sortOrder: args.sort?.order },
          USER_SORT_FIELDS,
          'email',
        );
        return ctx.prisma.user.findMany({
          ...query,
          where: userWhere(args.filter ?? {}),
          skip,
          take,
          orderBy: [orderBy, { id: 'asc' }],
        });
      },
    }),
    total: t.int({
      resolve: (args, _a, ctx) => ctx.prisma.user.count({ where: userWhere(args.filter ?? {}) }),
    }),
  }),
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

/** Answers null without a query; spreading marks Pothos' selection as used. */
function noRow(query: object): null {
  void { ...query };
  return null;
}

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
  usersPage: t.field({
    type: UserPage,
    authScopes: { admin: true },
    args: { ...pageFieldArgs(t.arg), filter: t.arg({ type: UserFilterInput, required: false }) },
    resolve: (_root, args) => {
      pageArgs(
        { ...args, sortField: args.sort?.field, sortOrder: args.sort?.order },
        USER_SORT_FIELDS,
        'email',
      );
      return args;
    },
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
