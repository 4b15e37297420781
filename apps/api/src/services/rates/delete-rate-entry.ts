// Removes one entry of a draft (or of a published version not yet started) at `version`.
import { DomainError } from '@gazette/domain';
import { deleteVersioned } from '../../schema/write-helpers.ts';
import { editableVersion, rateWrite, ratesChanged, type RateCtx } from './support.ts';

export async function deleteRateEntry<T>(
  ctx: RateCtx,
  id: string,
  version: number,
  read: (tx: import('../../schema/write-helpers.ts').Tx) => Promise<T | null>,
): Promise<T> {
  return rateWrite(ctx, async (tx) => {
    // The client's selection of the entry, read before it goes.
    const row = await read(tx);
    const current = await tx.rateEntry.findUnique({ where: { id }, select: { versionId: true } });
    if (!row || !current) throw new DomainError('NOT_FOUND', `条目 ${id} 不存在`, { field: 'id' });
    const v = await editableVersion(tx, current.versionId);
    await deleteVersioned(tx, ctx, 'rateEntry', id, version);
    await ratesChanged(tx, current.versionId, 'entries', v.status);
    return row;
  });
}
