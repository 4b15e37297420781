import pg from 'pg';
import { createHash, randomUUID } from 'node:crypto';
import { MIGRATIONS_DIR, readMigrations } from './migrate/files.ts';

export { diffDatamodels } from './migrate/engine.ts';
export {
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  readMigrations,
  readSchema,
  type Migration,
} from './migrate/files.ts';

/** Key of the advisory lock that serialises migrators (not Prisma's own 72707369). */
export const MIGRATION_LOCK_KEY = 0x6761_7a65; // "gaze"

/** Prisma's migrations table, exactly as its schema engine creates it. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (message: string) => void;
}

/** A migration changed after this database applied it (e.g. `init --squash` before a release). */
export class EditedMigrationError extends Error {
  constructor(readonly names: string[]) {
    super(
      `数据库已应用的迁移 ${names.join(', ')} 之后被修改过,数据库结构与迁移不一致。开发环境请删除 .data/postgres(或重建该数据库)后重启。\n` +
        `Migration(s) ${names.join(', ')} changed after this database applied them, so its schema no longer matches. ` +
        `In development (e.g. after \`pnpm db:migration init --squash\`), delete .data/postgres (or recreate the database) and restart.`,
    );
    this.name = 'EditedMigrationError';
  }
}

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Applies the pending migrations of `prisma/migrations`, each in its own transaction together
 * with its row in `_prisma_migrations` (the table and row format of `prisma migrate deploy`, so
 * the stock CLI agrees on what is applied). A failing migration leaves nothing behind and stops
 * the run. Idempotent; concurrent callers are serialised by a PostgreSQL advisory lock, so two
 * servers starting together cannot race. Returns the names it applied.
 *
 * (The WebAssembly schema engine can apply migrations too, but runs their statements one by
 * one outside a transaction, so a failure halfway leaves a half-migrated database.)
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<string[]> {
  const migrations = readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      finished_at: Date | null;
      checksum: string;
    }>(
      'SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const failed = rows.filter((r) => r.finished_at === null).map((r) => r.migration_name);
    if (failed.length) {
      throw new Error(
        `migration(s) ${failed.join(', ')} failed earlier; resolve them (prisma migrate resolve) first`,
      );
    }
    const onDisk = new Map(migrations.map((m) => [m.name, checksum(m.sql)]));
    const edited = rows.filter(
      (r) => onDisk.has(r.migration_name) && onDisk.get(r.migration_name) !== r.checksum,
    );
    if (edited.length) throw new EditedMigrationError(edited.map((r) => r.migration_name));
    const applied = new Set(rows.map((r) => r.migration_name));
    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), checksum(migration.sql), migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(
          `migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
          { cause: error },
        );
      }
      options.log?.(`applied migration ${migration.name}`);
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** Anything that runs a raw SQL query and returns rows (a pg client, or Prisma's `$queryRawUnsafe`). */
export type QueryRows = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** Names of the migrations on disk that the database has not (successfully) applied. */
export async function pendingMigrations(
  query: QueryRows,
  migrationsDir = MIGRATIONS_DIR,
): Promise<string[]> {
  const onDisk = readMigrations(migrationsDir).map((m) => m.name);
  const [table] = await query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`);
  if (!table?.exists) return onDisk;
  const rows = await query(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((r) => String(r.migration_name)));
  return onDisk.filter((name) => !applied.has(name));
}

/** A short hash of every migration's name and SQL: names a template database built from them. */
export function migrationsHash(migrationsDir = MIGRATIONS_DIR): string {
  const hash = createHash('sha256');
  for (const m of readMigrations(migrationsDir))
    hash.update(m.name).update('\0').update(m.sql).update('\0');
  return hash.digest('hex').slice(0, 12);
}
