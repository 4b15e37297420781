import {
  badInput,
  checkReviewResolution,
  DomainError,
  parseDocNo,
  type ReviewOutcome,
} from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { writeTransaction } from '../../schema/write-helpers.ts';
import { versionedTaskUpdate } from './versioned-task-update.ts';

export interface ResolveReviewTaskInput {
  outcome: ReviewOutcome;
  /** The replacing document's number, in any bracket style (REPLACED only). */
  replacedBy?: string | null;
  note?: string | null;
}

/**
 * Resolves a review task at the version read (stale → CONFLICT), audited: the domain checks the
 * outcome against the replacing document, which must be registered. `taskLabel` names the task as
 * the caller wrote it, for the error.
 */
export async function resolveReviewTask(
  ctx: GazetteContext,
  id: string,
  version: number,
  input: ResolveReviewTaskInput,
  taskLabel: string,
): Promise<void> {
  await writeTransaction(ctx, async (tx) => {
    const task = await tx.reviewTask.findUnique({
      where: { id },
      select: { policy: { select: { docNo: true } } },
    });
    if (!task) throw new DomainError('NOT_FOUND', `评估任务不存在:${taskLabel}`, { field: 'id' });
    let replacedBy: string | null = null;
    if (input.replacedBy?.trim()) {
      const parsed = parseDocNo(input.replacedBy);
      if (!parsed) throw badInput('replacedBy', `replacedBy 不是有效的文号:${input.replacedBy}`);
      replacedBy = parsed.docNo;
    }
    const docNo = checkReviewResolution(input.outcome, replacedBy, task.policy.docNo);
    if (docNo && !(await tx.policy.findUnique({ where: { docNo }, select: { id: true } }))) {
      throw badInput('replacedBy', `未登记的文件:${docNo}(请先录入或导入替代文件)`);
    }
    const note = input.note?.trim() ? input.note.trim() : null;
    const resolvedById = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
    await versionedTaskUpdate(tx, ctx, id, version, 'reviewTask.resolve', {
      outcome: input.outcome,
      replacedByDocNo: docNo,
      note,
      resolvedAt: new Date(),
      resolvedById,
    });
  });
}
