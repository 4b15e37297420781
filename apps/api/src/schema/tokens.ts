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
  values: {
    READ_PUBLISHED: { description: '只读公开数据(政策、费率、测算、检查通报)' },
    READ_ALL: { description: '只读全部数据,包括案件' },
  } satisfies Record<(typeof API_TOKEN_SCOPES)[number], { description: string }>,
});

export const ApiToken = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  authScopes: { admin: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', {
      description: 'The first characters of the secret, to recognise it.',
    }),
    scopes: t.field({
      type: [ApiTokenScopeEnum],
      select: { scopes: true },
      resolve: (tk) => tk.scopes as (typeof API_TOKEN_SCOPES)[number][],
    }),
    createdAt: t.string({ resolve: (tk) => tk.createdAt.toISOString() }),
    lastUsedAt: t.string({ nullable: true, resolve: (tk) => tk.lastUsedAt?.toISOString() ?? null }),
    revokedAt: t.string({ nullable: true, resolve: (tk) => tk.revokedAt?.toISOString() ?? null }),
    revoked: t.boolean({ resolve: (tk) => tk.revokedAt !== null }),
    createdBy: t.relation('createdBy'),
  }),
});

const ApiTokenFilterInput = builder.inputType('ApiTokenFilter', {
  fields: (t) => ({
    q: t.string({ required: false, description: 'Part of the name, or the start of the prefix.' }),
    revoked: t.boolean({ required: false }),
  }),
});

definePage<ApiTokenFilter>({
  field: 'apiTokensPage',
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
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who uses it, e.g. 市政务服务平台.' }),
    scopes: t.field({ type: [ApiTokenScopeEnum], required: true }),
  }),
});

const CreateApiTokenPayload = builder
  .objectRef<{ tokenId: string; secret: string }>('CreateApiTokenPayload')
  .implement({
    fields: (t) => ({
      secret: t.exposeString('secret', {
        description: 'Shown this once; only its sha256 is stored.',
      }),
      token: t.prismaField({
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
    type: CreateApiTokenPayload,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { token, secret } = await createApiToken(ctx, input);
      return { tokenId: token.id, secret };
    },
  }),
  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    authScopes: { admin: true },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const token = await revokeApiToken(ctx, tokenId(id));
      return ctx.prisma.apiToken.findUniqueOrThrow({ ...query, where: { id: token.id } });
    },
  }),
}));
