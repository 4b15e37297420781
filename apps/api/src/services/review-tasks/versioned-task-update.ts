import type { Prisma } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { ReviewTaskAction } from '../../audit-actions.ts';
import type { GazetteContext } from '../../context.ts';
import { conflictError, findOrThrow, type Tx } from '../../schema/write-helpers.ts';

/**
 * Updates a review task at the version read (stale → CONFLICT naming the last change), audited
 * under the task's own action (assign or resolve) rather than a generic update.
 */
export async function versionedTaskUpdate(
  tx: Tx,
  ctx: Pick<GazetteContext, 'viewer' | 'actorLabel'>,
  id: string,
  version: number,
  action: ReviewTaskAction,
  data: Prisma.ReviewTaskUncheckedUpdateManyInput,
) {
  const before = await findOrThrow(tx, 'reviewTask', id);
  if (before.version !== version)
    throw await conflictError(tx, 'reviewTask', id, before.version, version);
  const { count } = await tx.reviewTask.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await findOrThrow(tx, 'reviewTask', id);
    throw await conflictError(tx, 'reviewTask', id, now.version, version);
  }
  const after = await findOrThrow(tx, 'reviewTask', id);
  await recordAudit(tx, ctx, { action, entity: 'ReviewTask', entityId: id, before, after });
}
