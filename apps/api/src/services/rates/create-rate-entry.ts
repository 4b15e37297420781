// Adds one entry to a draft (or to a published version not yet started).
import { buildRateEntry, type RateEntryInput } from '@gazette/domain';
import { createAudited } from '../../schema/write-helpers.ts';
import {
  actorId,
  dimensionsOf,
  editableVersion,
  entryData,
  rateWrite,
  ratesChanged,
  type RateCtx,
} from './support.ts';

export async function createRateEntry(
  ctx: RateCtx,
  versionId: string,
  input: RateEntryInput,
): Promise<string> {
  return rateWrite(ctx, async (tx) => {
    const v = await editableVersion(tx, versionId, 'input.versionId');
    const position = input.position ?? (await tx.rateEntry.count({ where: { versionId } }));
    const entry = buildRateEntry(dimensionsOf(v.table), input, position, 'input');
    const created = await createAudited(
      tx,
      ctx,
      'rateEntry',
      entryData(entry, versionId, actorId(ctx)),
    );
    await ratesChanged(tx, versionId, 'entries', v.status);
    return created.id;
  });
}
