// Deletes a rate table that never had a published version: history is never overwritten.
import { DomainError } from '@gazette/domain';
import { deleteVersioned, type Tx } from '../../schema/write-helpers.ts';
import { rateWrite, type RateCtx } from './support.ts';

export async function deleteRateTable<T>(
  ctx: RateCtx,
  id: string,
  version: number,
  read: (tx: Tx) => Promise<T | null>,
): Promise<T> {
  return rateWrite(ctx, async (tx) => {
    const row = await read(tx);
    if (await tx.rateTableVersion.count({ where: { tableId: id, status: 'PUBLISHED' } })) {
      throw new DomainError('CONFLICT', '该费率表已有发布的版本,不能删除', { field: 'id' });
    }
    await deleteVersioned(tx, ctx, 'rateTable', id, version);
    return row!;
  });
}
