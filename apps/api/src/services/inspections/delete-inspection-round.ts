import type { GazetteContext } from '../../context.ts';
import { deleteVersioned, writeTransaction, type Tx } from '../../schema/write-helpers.ts';
import { inspectionChanged } from '../changes/inspection-changed.ts';

/** Deletes a round with its findings; `read` loads what the caller returns, before the delete. */
export function deleteInspectionRound<T>(
  ctx: GazetteContext,
  id: string,
  version: number,
  read: (tx: Tx) => Promise<T>,
): Promise<T> {
  return writeTransaction(ctx, async (tx) => {
    const row = await read(tx);
    const quarter = (
      await tx.inspectionRound.findUnique({ where: { id }, select: { quarter: true } })
    )?.quarter;
    await deleteVersioned(tx, ctx, 'inspectionRound', id, version);
    await inspectionChanged(tx, id, 'deleted', quarter);
    return row;
  });
}
