import { DomainError } from '@gazette/domain';
import type { ApiToken } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { auditView } from './token-fields.ts';

/** Revoking is final and idempotent: a revoked token stays revoked with its first revocation time. */
export async function revokeApiToken(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
  id: string,
): Promise<ApiToken> {
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
