import { badInput, DomainError } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { writeTransaction } from '../../schema/write-helpers.ts';
import { versionedTaskUpdate } from './versioned-task-update.ts';

/**
 * Assigns a review task to an active supervisor or administrator at the version read (stale →
 * CONFLICT), audited. `assigneeLabel` names the account as the caller wrote it, for the error.
 */
export async function assignReviewTask(
  ctx: GazetteContext,
  id: string,
  version: number,
  assigneeId: string,
  assigneeLabel: string,
): Promise<void> {
  await writeTransaction(ctx, async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: assigneeId },
      select: { active: true, role: true },
    });
    if (!user)
      throw new DomainError('NOT_FOUND', `账户不存在:${assigneeLabel}`, { field: 'assigneeId' });
    if (!user.active || user.role === 'VIEWER')
      throw badInput('assigneeId', '承办人须为在用的监督员或管理员账户');
    await versionedTaskUpdate(tx, ctx, id, version, 'reviewTask.assign', { assigneeId });
  });
}
