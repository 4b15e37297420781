// Edits one entry of a draft (or of a published version not yet started). Reads and writes only
// that entry and its version's row: a stale `version` is a CONFLICT, and nothing else is locked.
import { buildRateEntry, DomainError, type RateEntryInput } from '@gazette/domain';
import { recordAudit } from '../../audit.ts';
import { conflictError, definedOnly } from '../../schema/write-helpers.ts';
import {
  actorId,
  dimensionsOf,
  editableVersion,
  entryData,
  rateWrite,
  ratesChanged,
  type RateCtx,
} from './support.ts';
import { entryInputOf } from './entry-input-of.ts';

export type RateEntryPatch = Partial<Omit<RateEntryInput, 'attributes'>> & { attributes?: unknown };

export async function updateRateEntry(
  ctx: RateCtx,
  id: string,
  version: number,
  patch: RateEntryPatch,
): Promise<string> {
  return rateWrite(ctx, async (tx) => {
    const current = await tx.rateEntry.findUnique({ where: { id } });
    if (!current) throw new DomainError('NOT_FOUND', `条目 ${id} 不存在`, { field: 'id' });
    if (current.version !== version)
      throw await conflictError(tx, 'rateEntry', id, current.version, version);
    const v = await editableVersion(tx, current.versionId);
    const merged = {
      ...entryInputOf(current),
      ...definedOnly(patch as Record<string, unknown>),
    } as RateEntryInput;
    const entry = buildRateEntry(
      dimensionsOf(v.table),
      merged,
      merged.position ?? current.position,
      'input',
    );
    const { versionId: _v, ...data } = entryData(entry, current.versionId, actorId(ctx));
    // Only the row still at `version` changes; a concurrent winner leaves nothing to update.
    const { count } = await tx.rateEntry.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await tx.rateEntry.findUnique({ where: { id }, select: { version: true } });
      throw await conflictError(tx, 'rateEntry', id, now?.version ?? version + 1, version);
    }
    const after = { ...current, ...data, version: version + 1 };
    await recordAudit(tx, ctx, {
      action: 'rateEntry.update',
      entity: 'RateEntry',
      entityId: id,
      before: current,
      after,
    });
    await ratesChanged(tx, current.versionId, 'entries', v.status);
    return id;
  });
}
