// Writes many entries of one version through the transaction's own node-postgres connection
// (transactionConnection) with the shared bulk insert (@gazette/db/bulk-insert): one
// `INSERT … SELECT FROM unnest(…)` per batch, the event loop given back between batches.
import { rateEntryToRow, type RateEntry } from '@gazette/domain';
import { Prisma, transactionConnection, type TransactionConnection } from '@gazette/db';
import { UUID7_SQL } from '@gazette/db/uuid7';
import { bulkInsert } from '@gazette/db/bulk-insert';
import type { Tx } from '../../schema/write-helpers.ts';
import type { RateCtx } from './support.ts';

/** Rows per INSERT: small enough that building its arrays holds the event loop only briefly. */
export const INSERT_BATCH_ROWS = 1000;

/** The connection of the rate write `tx` (of `ctx.prisma`) that insertEntries writes on. */
export function entriesConnection(ctx: Pick<RateCtx, 'prisma'>, tx: Tx) {
  return transactionConnection(ctx.prisma, tx);
}

/**
 * Inserts `entries` into version `versionId` on `connection` (a rate write's own, from
 * entriesConnection) in batches; yields to the event loop after each.
 */
export function insertEntries(
  connection: TransactionConnection,
  versionId: string,
  entries: readonly RateEntry[],
  updatedById: string | null,
): Promise<number> {
  return bulkInsert(
    connection,
    {
      table: 'RateEntry',
      batchRows: INSERT_BATCH_ROWS,
      prepare: (batch: readonly RateEntry[]) => batch.map(rateEntryToRow),
      columns: [
        { name: 'id', generated: 'uuid' },
        { name: 'versionId', type: 'text', constant: versionId },
        { name: 'key', type: 'text', value: (r) => r.key },
        { name: 'dimensions', type: 'jsonb', value: (r) => r.dimensions },
        { name: 'code', type: 'text', value: (r) => r.code },
        { name: 'name', type: 'text', value: (r) => r.name },
        { name: 'unit', type: 'text', value: (r) => r.unit },
        { name: 'amount', type: 'numeric', value: (r) => r.amount },
        { name: 'rate', type: 'numeric', value: (r) => r.rate },
        { name: 'baseKey', type: 'text', value: (r) => r.baseKey },
        { name: 'attributes', type: 'jsonb', value: (r) => r.attributes },
        { name: 'position', type: 'int4', value: (r) => r.position },
        { name: 'updatedById', type: 'text', constant: updatedById },
        { name: 'updatedAt', generated: 'now' },
      ],
    },
    entries,
  );
}

/** Copies every entry of `fromVersionId` into `toVersionId` in one statement, inside the database. */
export async function copyEntries(
  tx: Tx,
  fromVersionId: string,
  toVersionId: string,
  updatedById: string | null,
): Promise<number> {
  return tx.$executeRaw`INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", "updatedById", "updatedAt")
    SELECT ${Prisma.raw(UUID7_SQL)}, ${toVersionId}, "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", ${updatedById}, now()
    FROM "RateEntry" WHERE "versionId" = ${fromVersionId}`;
}
