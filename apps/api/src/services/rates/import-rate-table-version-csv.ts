// Replaces the entries of a draft (or of a published version not yet started) with a CSV file:
// validated whole (every bad row and column is reported) and written in batches as it is
// validated — a streamed upload (POST /imports/…) as its records arrive — (through the transaction's own node-postgres connection), inside one transaction, so
// the version holds the whole file or stays as it was.
import { DomainError, type RateEntry } from '@gazette/domain';
import { recordAudit } from '../../audit.ts';
import { updateVersioned } from '../../schema/write-helpers.ts';
import { entriesConnection, INSERT_BATCH_ROWS, insertEntries } from './insert-entries.ts';
import { parseRateCsv, type RateCsvSource } from './parse-rate-csv.ts';
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
  /** The text, or the records of a streamed upload (read inside the transaction, once). */
  csv: RateCsvSource,
): Promise<number> {
  const found = await ctx.prisma.rateTableVersion.findUnique({
    where: { id },
    select: { table: { select: { dimensions: true } } },
  });
  if (!found) throw new DomainError('NOT_FOUND', `版本 ${id} 不存在`, { field: 'id' });
  const table = dimensionsOf(found.table);
  return rateWrite(ctx, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "RateTableVersion" WHERE id = ${id} FOR UPDATE`;
    const v = await editableVersion(tx, id, 'id');
    await updateVersioned(tx, ctx, 'rateTableVersion', id, version, {});
    await tx.rateEntry.deleteMany({ where: { versionId: id } });
    // The rows go through this transaction's own connection, in the same transaction.
    const connection = await entriesConnection(ctx, tx);
    // Validated and written a batch at a time: no array of every entry is held. A bad row found
    // after some batches were written throws, and the transaction takes those writes back.
    let pending: RateEntry[] = [];
    let written = 0;
    // One batch in flight at most: the next is parsed and validated while PostgreSQL writes it.
    let inFlight: Promise<void> | undefined;
    const settle = async () => {
      const running = inFlight;
      inFlight = undefined;
      await running;
    };
    const flush = async () => {
      await settle();
      const rows = pending;
      pending = [];
      if (rows.length === 0) return;
      inFlight = insertEntries(connection, id, rows, actorId(ctx)).then((n) => {
        written += n;
      });
      inFlight.catch(() => {}); // thrown where it is awaited: the next flush, or below
    };
    try {
      await parseRateCsv(csv, table, async (batch) => {
        pending.push(...batch);
        if (pending.length >= INSERT_BATCH_ROWS) await flush();
      });
      await flush();
      await settle();
    } catch (error) {
      // A bad row while a batch is being written: the connection is left idle for the rollback.
      await inFlight?.catch(() => {});
      throw error;
    }
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
