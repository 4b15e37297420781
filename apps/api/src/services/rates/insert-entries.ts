// Writes many entries of one version through the transaction's own node-postgres connection
// (transactionConnection), one multi-row `INSERT … SELECT FROM unnest(…)` per batch with one array
// per column: no per-row work in Prisma's query compiler (which runs on the main thread) and no
// parameters kept by Prisma after the statement, constant statements per batch, and the event
// loop given back between batches.
import { setImmediate as turn } from 'node:timers/promises';
import { rateEntryToRow, type RateEntry } from '@gazette/domain';
import {
  transactionClosed,
  transactionConnection,
  TRANSACTION_GUARD,
  type TransactionConnection,
} from '@gazette/db';
import type { Tx } from '../../schema/write-helpers.ts';
import type { RateCtx } from './support.ts';

/** Rows per INSERT: small enough that building its arrays holds the event loop only briefly. */
export const INSERT_BATCH_ROWS = 1000;

const INSERT_SQL = `INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", "updatedById", "updatedAt")
SELECT gen_random_uuid()::text, $1, r.key, r.dimensions::jsonb, r.code, r.name, r.unit, r.amount::numeric, r.rate::numeric, r."baseKey", r.attributes::jsonb, r.position, $2, now()
FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[])
  AS r(key, dimensions, code, name, unit, amount, rate, "baseKey", attributes, position)
WHERE ${TRANSACTION_GUARD(13)}`;

/** The connection of the rate write `tx` (of `ctx.prisma`) that insertEntries writes on. */
export function entriesConnection(ctx: Pick<RateCtx, 'prisma'>, tx: Tx) {
  return transactionConnection(ctx.prisma, tx);
}

/**
 * Inserts `entries` into version `versionId` on `connection` (a rate write's own, from
 * entriesConnection) in batches; yields to the event loop after each.
 */
export async function insertEntries(
  connection: TransactionConnection,
  versionId: string,
  entries: readonly RateEntry[],
  updatedById: string | null,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < entries.length; start += INSERT_BATCH_ROWS) {
    const end = Math.min(entries.length, start + INSERT_BATCH_ROWS);
    const n = end - start;
    const cols = {
      key: new Array<string>(n),
      dimensions: new Array<string>(n),
      code: new Array<string | null>(n),
      name: new Array<string | null>(n),
      unit: new Array<string | null>(n),
      amount: new Array<string | null>(n),
      rate: new Array<string | null>(n),
      baseKey: new Array<string | null>(n),
      attributes: new Array<string | null>(n),
      position: new Array<number>(n),
    };
    for (let i = 0; i < n; i++) {
      const row = rateEntryToRow(entries[start + i]!);
      cols.key[i] = row.key;
      cols.dimensions[i] = JSON.stringify(row.dimensions);
      cols.code[i] = row.code;
      cols.name[i] = row.name;
      cols.unit[i] = row.unit;
      cols.amount[i] = row.amount;
      cols.rate[i] = row.rate;
      cols.baseKey[i] = row.baseKey;
      cols.attributes[i] = row.attributes == null ? null : JSON.stringify(row.attributes);
      cols.position[i] = row.position;
    }
    const result = await connection.query(INSERT_SQL, [
      versionId,
      updatedById,
      cols.key,
      cols.dimensions,
      cols.code,
      cols.name,
      cols.unit,
      cols.amount,
      cols.rate,
      cols.baseKey,
      cols.attributes,
      cols.position,
      connection.txid,
    ]);
    if (result.rowCount !== n) throw transactionClosed();
    written += n;
    await turn();
  }
  return written;
}

/** Copies every entry of `fromVersionId` into `toVersionId` in one statement, inside the database. */
export async function copyEntries(
  tx: Tx,
  fromVersionId: string,
  toVersionId: string,
  updatedById: string | null,
): Promise<number> {
  return tx.$executeRaw`INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", "updatedById", "updatedAt")
    SELECT gen_random_uuid()::text, ${toVersionId}, "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", ${updatedById}, now()
    FROM "RateEntry" WHERE "versionId" = ${fromVersionId}`;
}
