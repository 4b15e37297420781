// Deletes a draft version (its entries go with it); a published version is only ever superseded.
import { DomainError } from '@gazette/domain';
import { deleteVersioned, findOrThrow, type Tx } from '../../schema/write-helpers.ts';
import { rateWrite, type RateCtx } from './support.ts';

export async function deleteRateTableVersion<T>(
  ctx: RateCtx,
  id: string,
  version: number,
  read: (tx: Tx) => Promise<T | null>,
): Promise<T> {
  return rateWrite(ctx, async (tx) => {
    const row = await read(tx);
    const current = await findOrThrow(tx, 'rateTableVersion', id);
    if (current.status !== 'DRAFT') {
      throw new DomainError('CONFLICT', '只能删除草稿版本;已发布的版本只能被新版本替代', {
        field: 'id',
      });
    }
    await deleteVersioned(tx, ctx, 'rateTableVersion', id, version);
    return row!;
  });
}
