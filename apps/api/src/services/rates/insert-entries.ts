// Writes many entries of one version with multi-row `INSERT … SELECT FROM unnest(…)`, a batch per
// statement: no per-row work in Prisma's query compiler, constant statements per batch.
import { rateEntryToRow, type RateEntry } from '@gazette/domain';
import type { Tx } from '../../schema/write-helpers.ts';

export const INSERT_BATCH_ROWS = 5000;

const INSERT_SQL = `INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", "updatedById", "updatedAt")
SELECT gen_random_uuid()::text, $1, u.k, u.d::jsonb, u.c, u.n, u.un, u.a::numeric, u.r::numeric, u.b, u.at::jsonb, u.p, $2, now()
FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[]) AS u(k, d, c, n, un, a, r, b, at, p)`;

/** Inserts `entries` into version `versionId` in batches; yields to the event loop between them. */
export async function insertEntries(tx: Tx, versionId: string, entries: readonly RateEntry[], updatedById: string | null): Promise<number> {
  let written = 0;
  for (let start = 0; start < entries.length; start += INSERT_BATCH_ROWS) {
    const rows = entries.slice(start, start + INSERT_BATCH_ROWS).map(rateEntryToRow);
    written += await tx.$executeRawUnsafe(
      INSERT_SQL,
      versionId,
      updatedById,
      rows.map((r) => r.key),
      rows.map((r) => JSON.stringify(r.dimensions)),
      rows.map((r) => r.code),
      rows.map((r) => r.name),
      rows.map((r) => r.unit),
      rows.map((r) => r.amount),
      rows.map((r) => r.rate),
      rows.map((r) => r.baseKey),
      rows.map((r) => JSON.stringify(r.attributes ?? {})),
      rows.map((r) => r.position),
    );
  }
  return written;
}

/** Copies every entry of `fromVersionId` into `toVersionId` in one statement, inside the database. */
export async function copyEntries(tx: Tx, fromVersionId: string, toVersionId: string, updatedById: string | null): Promise<number> {
  return tx.$executeRaw`INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", "updatedById", "updatedAt")
    SELECT gen_random_uuid()::text, ${toVersionId}, "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", ${updatedById}, now()
    FROM "RateEntry" WHERE "versionId" = ${fromVersionId}`;
}
