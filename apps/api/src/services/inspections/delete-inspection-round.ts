import type { GazetteContext } from '../../context.ts';
import {
  deleteAnsweringRow,
  deleteVersioned,
  writeTransaction,
  type ReadBeforeDelete,
} from '../../schema/write-helpers.ts';
import { inspectionChanged } from '../changes/inspection-changed.ts';

/** Deletes a round with its findings; `read` loads what the caller returns, before the delete. */
export function deleteInspectionRound<T>(
  ctx: GazetteContext,
  id: string,
  version: number,
  read: ReadBeforeDelete<T>,
): Promise<T> {
  return deleteAnsweringRow(
    (fn) => writeTransaction(ctx, fn),
    read,
    async (tx) => {
      const quarter = (
        await tx.inspectionRound.findUnique({ where: { id }, select: { quarter: true } })
      )?.quarter;
      await deleteVersioned(tx, ctx, 'inspectionRound', id, version);
      await inspectionChanged(tx, id, 'deleted', quarter);
    },
  );
}
