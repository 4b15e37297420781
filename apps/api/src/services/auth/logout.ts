import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';

/** Ends the caller's session; true when there was one. */
export async function logout(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind !== 'user') return false;
  return ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: viewer.sessionId } });
    if (count)
      await recordAudit(tx, ctx, {
        action: 'session.logout',
        entity: 'Session',
        entityId: viewer.sessionId,
      });
    return count > 0;
  });
}
