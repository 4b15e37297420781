import { DomainError, badInput } from '@gazette/domain';
import type { ApiToken } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { API_TOKEN_PREFIX, displayPrefix, newSecret, sha256Hex } from '../../auth/secrets.ts';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '../../auth/roles.ts';
import { auditView } from './token-fields.ts';

export interface CreateApiTokenInput {
  name: string;
  scopes: readonly string[];
}

/** The stored record and the secret, which is returned here once and never again. */
export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

export async function createApiToken(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
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
