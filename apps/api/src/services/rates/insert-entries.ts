// Writes many entries of one version with multi-row `INSERT … SELECT FROM jsonb_to_recordset(…)`,
// a batch per statement whose rows travel as one JSON text parameter: no per-row work in Prisma's
// query compiler (which runs on the main thread), constant statements per batch.
import { rateEntryToRow, type RateEntry } from '@gazette/domain';
import type { Tx } from '../../schema/write-helpers.ts';

export const INSERT_BATCH_ROWS = 5000;

const INSERT_SQL = `INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", "updatedById", "updatedAt")
SELECT gen_random_uuid()::text, $1, r.key, r.dimensions, r.code, r.name, r.unit, r.amount, r.rate, r."baseKey", r.attributes, r.position, $2, now()
FROM jsonb_to_recordset($3::jsonb) AS r(key text, dimensions jsonb, code text, name text, unit text, amount numeric, rate numeric, "baseKey" text, attributes jsonb, position int)`;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Inserts `entries` into version `versionId` in batches; yields to the event loop between them. */
export async function insertEntries(
  tx: Tx,
  versionId: string,
  entries: readonly RateEntry[],
  updatedById: string | null,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < entries.length; start += INSERT_BATCH_ROWS) {
    const rows = JSON.stringify(
      entries.slice(start, start + INSERT_BATCH_ROWS).map(rateEntryToRow),
    );
    written += await tx.$executeRawUnsafe(INSERT_SQL, versionId, updatedById, rows);
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
