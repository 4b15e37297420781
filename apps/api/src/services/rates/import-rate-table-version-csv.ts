// Replaces the entries of a draft (or of a published version not yet started) with a CSV file:
// validated whole first (every bad row and column), then written in batches inside one
// transaction, so the version holds the whole file or stays as it was.
import { DomainError } from '@gazette/domain';
import { recordAudit } from '../../audit.ts';
import { updateVersioned } from '../../schema/write-helpers.ts';
import { insertEntries } from './insert-entries.ts';
import { parseRateCsv } from './parse-rate-csv.ts';
import {
  actorId,
  dimensionsOf,
  editableVersion,
  rateWrite,
  ratesChanged,
  type RateCtx,
} from './support.ts';

export async function importRateTableVersionCsv(
  ctx: RateCtx,
  id: string,
  version: number,
  csv: string,
): Promise<number> {
  const found = await ctx.prisma.rateTableVersion.findUnique({
    where: { id },
    select: { table: { select: { dimensions: true } } },
  });
  if (!found) throw new DomainError('NOT_FOUND', `版本 ${id} 不存在`, { field: 'id' });
  const entries = await parseRateCsv(csv, dimensionsOf(found.table));
  return rateWrite(ctx, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "RateTableVersion" WHERE id = ${id} FOR UPDATE`;
    const v = await editableVersion(tx, id, 'id');
    await updateVersioned(tx, ctx, 'rateTableVersion', id, version, {});
    await tx.rateEntry.deleteMany({ where: { versionId: id } });
    const written = await insertEntries(tx, id, entries, actorId(ctx));
    await recordAudit(tx, ctx, {
      action: 'rateTableVersion.importCsv',
      entity: 'RateTableVersion',
      entityId: id,
      after: { entries: written },
    });
    await ratesChanged(tx, id, 'entries', v.status);
    return written;
  });
}
