// Publishes a draft from its effectiveFrom and closes the version in force before it the day
// before; the start may not lie in the past nor before a published version (domain supersede).
// Publishes of one table take turns (its row is locked); entries are never read.
import {
  DomainError,
  rateVersionFromRow,
  supersede,
  todayInShanghai,
  toUtcMidnight,
} from '@gazette/domain';
import { conflictError, findOrThrow, updateVersioned } from '../../schema/write-helpers.ts';
import { rateWrite, ratesChanged, type RateCtx } from './support.ts';
import { tableRanges } from './table-ranges.ts';

export async function publishRateTableVersion(
  ctx: RateCtx,
  id: string,
  version: number,
): Promise<void> {
  await rateWrite(ctx, async (tx) => {
    const draft = await findOrThrow(tx, 'rateTableVersion', id);
    await tx.$queryRaw`SELECT id FROM "RateTable" WHERE id = ${draft.tableId as string} FOR UPDATE`;
    const locked = await findOrThrow(tx, 'rateTableVersion', id);
    if (locked.status !== 'DRAFT')
      throw new DomainError('CONFLICT', '该版本已发布', { field: 'id' });
    if (locked.version !== version)
      throw await conflictError(tx, 'rateTableVersion', id, locked.version as number, version);
    const table = (await tableRanges(tx, { id: draft.tableId as string }))!;
    const next = rateVersionFromRow({
      id,
      label: locked.label as string | null,
      effectiveFrom: locked.effectiveFrom as Date,
      effectiveTo: locked.effectiveTo as Date | null,
      status: 'DRAFT',
      note: locked.note as string | null,
    });
    const result = supersede(table, next, { today: todayInShanghai() });
    for (const v of result.versions) {
      if (!v.id || v.id === id) continue;
      const before = table.versions.find((o) => o.id === v.id)!;
      if (before.effectiveTo === v.effectiveTo) continue;
      const row = await findOrThrow(tx, 'rateTableVersion', v.id);
      await updateVersioned(
        tx,
        ctx,
        'rateTableVersion',
        v.id,
        row.version,
        { effectiveTo: v.effectiveTo ? toUtcMidnight(v.effectiveTo) : null },
        row,
      );
    }
    await updateVersioned(
      tx,
      ctx,
      'rateTableVersion',
      id,
      version,
      { status: 'PUBLISHED', publishedAt: new Date() },
      locked,
    );
    await ratesChanged(tx, id, 'publish');
  });
}
