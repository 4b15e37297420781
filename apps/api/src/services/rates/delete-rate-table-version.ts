// Deletes a draft version (its entries go with it); a published version is only ever superseded.
import { DomainError } from '@gazette/domain';
import { findOrThrow, type ReadBeforeDelete } from '../../schema/write-helpers.ts';
import { deleteRateRecord, type RateCtx } from './support.ts';

export function deleteRateTableVersion<T>(
  ctx: RateCtx,
  id: string,
  version: number,
  read: ReadBeforeDelete<T>,
): Promise<T> {
  return deleteRateRecord(ctx, 'rateTableVersion', id, version, read, async (tx) => {
    const current = await findOrThrow(tx, 'rateTableVersion', id);
    if (current.status !== 'DRAFT') {
      throw new DomainError('CONFLICT', '只能删除草稿版本;已发布的版本只能被新版本替代', {
        field: 'id',
      });
    }
  });
}
