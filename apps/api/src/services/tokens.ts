import { DomainError, badInput } from '@gazette/domain';
import type { ApiToken, Prisma } from '@gazette/db';
import { recordAudit } from '../audit.ts';
import type { GazetteContext } from '../context.ts';
import { API_TOKEN_PREFIX, displayPrefix, newSecret, sha256Hex } from '../auth/secrets.ts';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '../auth/roles.ts';
import { pageArgs, type Page, type PageInput } from './paging.ts';
import { likeText } from '../schema/shared.ts';

type Ctx = Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>;

export interface CreateApiTokenInput {
  name: string;
  scopes: readonly string[];
}

/** The stored record and the secret, which is returned here once and never again. */
export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

/** What an audit entry keeps of a token: never its hash. */
function auditView(token: ApiToken) {
  const { tokenHash: _omit, ...rest } = token;
  return rest;
}

export async function createApiToken(
  ctx: Ctx,
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  if (ctx.viewer.kind !== 'user')
    throw new DomainError('FORBIDDEN', '只有登录用户可以创建 API 令牌');
  const name = input.name.trim();
  if (!name) throw badInput('name', '令牌名称为必填项');
  if (name.length > 100) throw badInput('name', '令牌名称不能超过 100 个字符');
  if (input.scopes.length === 0) throw badInput('scopes', '至少选择一个权限范围');
  for (const scope of input.scopes) {
    if (!(API_TOKEN_SCOPES as readonly string[]).includes(scope)) {
      throw badInput('scopes', `无效的权限范围:${scope}(API 令牌只能只读)`);
    }
  }
  const scopes = API_TOKEN_SCOPES.filter((s: ApiTokenScope) => input.scopes.includes(s));
  const secret = newSecret(API_TOKEN_PREFIX);
  const createdById = ctx.viewer.userId;
  const token = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name,
        scopes,
        tokenHash: sha256Hex(secret),
        prefix: displayPrefix(secret),
        createdById,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'apiToken.create',
      entity: 'ApiToken',
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  });
  return { token, secret };
}

/** Revoking is final and idempotent: a revoked token stays revoked with its first revocation time. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<ApiToken> {
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id } });
    if (!before) throw new DomainError('NOT_FOUND', 'API 令牌不存在');
    if (before.revokedAt) return before;
    const { count } = await tx.apiToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const after = await tx.apiToken.findUniqueOrThrow({ where: { id } });
    if (count) {
      await recordAudit(tx, ctx, {
        action: 'apiToken.revoke',
        entity: 'ApiToken',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
    }
    return after;
  });
}

export interface ApiTokenFilter {
  q?: string | null;
  revoked?: boolean | null;
}

export const API_TOKEN_SORT_FIELDS = ['name', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;

export function apiTokenWhere(filter: ApiTokenFilter = {}): Prisma.ApiTokenWhereInput {
  const where: Prisma.ApiTokenWhereInput = {};
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    where.OR = [{ name: { contains: likeText(q), mode: 'insensitive' } }, { prefix: { startsWith: likeText(q) } }];
  }
  if (filter.revoked === true) where.revokedAt = { not: null };
  if (filter.revoked === false) where.revokedAt = null;
  return where;
}

export async function apiTokensPage(
  ctx: Ctx,
  input: PageInput<ApiTokenFilter>,
  query: object = {},
): Promise<Page<ApiToken>> {
  const where = apiTokenWhere(input.filter ?? {});
  const { skip, take, orderBy } = pageArgs(input, API_TOKEN_SORT_FIELDS, 'createdAt');
  const [nodes, total] = await Promise.all([
    ctx.prisma.apiToken.findMany({
      ...query,
      where,
      skip,
      take,
      orderBy: [orderBy, { id: 'asc' }],
    }),
    ctx.prisma.apiToken.count({ where }),
  ]);
  return { nodes, total };
}
