// Deletes a rate table that never had a published version: history is never overwritten.
import { DomainError } from '@gazette/domain';
import type { ReadBeforeDelete } from '../../schema/write-helpers.ts';
import { deleteRateRecord, type RateCtx } from './support.ts';

export function deleteRateTable<T>(
  ctx: RateCtx,
  id: string,
  version: number,
  read: ReadBeforeDelete<T>,
): Promise<T> {
  return deleteRateRecord(ctx, 'rateTable', id, version, read, async (tx) => {
    if (await tx.rateTableVersion.count({ where: { tableId: id, status: 'PUBLISHED' } })) {
      throw new DomainError('CONFLICT', '该费率表已有发布的版本,不能删除', { field: 'id' });
    }
  });
}
