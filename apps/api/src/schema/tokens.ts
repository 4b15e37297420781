// API tokens for downstream applications (ADMIN only): read-only scopes, the secret shown once.
import { DomainError } from '@gazette/domain';
import { builder } from '../builder.ts';
import { API_TOKEN_SCOPES } from '../auth/roles.ts';
import {
  apiTokenWhere,
  API_TOKEN_SORT_FIELDS,
  type ApiTokenFilter,
} from '../services/tokens/api-token-where.ts';
import { createApiToken } from '../services/tokens/create-api-token.ts';
import { revokeApiToken } from '../services/tokens/revoke-api-token.ts';
import { definePage } from './pagination.ts';

export const ApiTokenScopeEnum = builder.enumType('ApiTokenScope', {
  description: 'API 令牌的权限范围(令牌只能读,不能写)',
  values: {
    READ_PUBLISHED: { description: '只读公开数据(政策、费率、测算、检查通报)' },
    READ_ALL: { description: '只读全部数据,包括案件' },
  } satisfies Record<(typeof API_TOKEN_SCOPES)[number], { description: string }>,
});

export const ApiToken = builder.prismaNode('ApiToken', {
  description: '供下游应用调用接口的 API 令牌(仅管理员可读);密钥只在创建时显示一次',
  id: { field: 'id' },
  authScopes: { admin: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: '名称:谁在使用它' }),
    prefix: t.exposeString('prefix', {
      description: '密钥的前几个字符,用于辨认',
    }),
    scopes: t.field({
      description: '权限范围',
      type: [ApiTokenScopeEnum],
      select: { scopes: true },
      resolve: (tk) => tk.scopes as (typeof API_TOKEN_SCOPES)[number][],
    }),
    createdAt: t.string({
      description: '创建时间(ISO 时间戳)',
      resolve: (tk) => tk.createdAt.toISOString(),
    }),
    lastUsedAt: t.string({
      description: '最近一次使用的时间(ISO 时间戳);从未使用为 null',
      nullable: true,
      resolve: (tk) => tk.lastUsedAt?.toISOString() ?? null,
    }),
    revokedAt: t.string({
      description: '吊销时间(ISO 时间戳);未吊销为 null',
      nullable: true,
      resolve: (tk) => tk.revokedAt?.toISOString() ?? null,
    }),
    revoked: t.boolean({ description: '是否已吊销', resolve: (tk) => tk.revokedAt !== null }),
    createdBy: t.relation('createdBy', { description: '创建它的账户' }),
  }),
});

const ApiTokenFilterInput = builder.inputType('ApiTokenFilter', {
  description: 'API 令牌列表的筛选条件',
  fields: (t) => ({
    q: t.string({ required: false, description: '名称中的一段,或密钥前缀的开头' }),
    revoked: t.boolean({ description: '只看已吊销(true)或有效(false)的令牌', required: false }),
  }),
});

definePage<ApiTokenFilter>({
  field: 'apiTokensPage',
  label: 'API 令牌',
  type: 'ApiToken',
  model: 'apiToken',
  authScopes: { admin: true },
  sortable: API_TOKEN_SORT_FIELDS,
  defaultSort: 'createdAt',
  defaultOrder: 'DESC',
  filterInput: ApiTokenFilterInput,
  where: (filter) => apiTokenWhere(filter),
});

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  description: '新建 API 令牌的内容',
  fields: (t) => ({
    name: t.string({ required: true, description: '名称:谁在使用它,如 市政务服务平台' }),
    scopes: t.field({ description: '权限范围', type: [ApiTokenScopeEnum], required: true }),
  }),
});

const CreateApiTokenPayload = builder
  .objectRef<{ tokenId: string; secret: string }>('CreateApiTokenPayload')
  .implement({
    description: '新建 API 令牌的结果:密钥只在此处出现一次',
    fields: (t) => ({
      secret: t.exposeString('secret', {
        description: '密钥:只在此时显示一次,服务器只保存它的 sha256',
      }),
      token: t.prismaField({
        description: '新建的令牌',
        type: 'ApiToken',
        resolve: (query, parent, _a, ctx) =>
          ctx.prisma.apiToken.findUniqueOrThrow({ ...query, where: { id: parent.tokenId } }),
      }),
    }),
  });

function tokenId(id: { typename: string; id: string }) {
  if (id.typename !== 'ApiToken') throw new DomainError('NOT_FOUND', 'API 令牌不存在');
  return id.id;
}

builder.mutationFields((t) => ({
  createApiToken: t.field({
    description: '新建 API 令牌(需管理员权限);返回的密钥只显示这一次',
    type: CreateApiTokenPayload,
    authScopes: { admin: true },
    args: {
      input: t.arg({ description: '新令牌的内容', type: CreateApiTokenInput, required: true }),
    },
    resolve: async (_root, { input }, ctx) => {
      const { token, secret } = await createApiToken(ctx, input);
      return { tokenId: token.id, secret };
    },
  }),
  revokeApiToken: t.prismaField({
    description: '吊销 API 令牌(需管理员权限);吊销后立即失效',
    type: 'ApiToken',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ description: '令牌的全局 ID', required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const token = await revokeApiToken(ctx, tokenId(id));
      return ctx.prisma.apiToken.findUniqueOrThrow({ ...query, where: { id: token.id } });
    },
  }),
}));
