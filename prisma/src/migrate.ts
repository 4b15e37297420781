import pg from 'pg';
import { createHash } from 'node:crypto';
import { withSchemaEngine, NO_FILTERS } from './migrate/engine.ts';
import { MIGRATIONS_DIR, migrationList, readMigrations, readSchema } from './migrate/files.ts';

export { diffDatamodels } from './migrate/engine.ts';
export { MIGRATIONS_DIR, SCHEMA_PATH, readMigrations, readSchema, type Migration } from './migrate/files.ts';

/**
 * Key of the advisory lock that serialises migrators. Not Prisma's own key (72707369): the
 * engine takes that one itself on its own connection, and holding it here would deadlock.
 */
export const MIGRATION_LOCK_KEY = 0x6761_7a65; // "gaze"

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (message: string) => void;
}

/**
 * Applies the pending migrations of `prisma/migrations` and records them in `_prisma_migrations`
 * (the table `prisma migrate deploy` uses). Idempotent; two callers at once are serialised by
 * a PostgreSQL advisory lock, so two servers starting together cannot race.
 * Returns the names of the migrations it applied.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const dir = options.migrationsDir ?? MIGRATIONS_DIR;
  const lock = new pg.Client({ connectionString: databaseUrl });
  lock.on('error', () => {});
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // Applying runs each migration.sql as one simple-protocol script, which PostgreSQL executes
    // as a single implicit transaction: a failing migration leaves none of its statements behind.
    const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, readSchema(), (engine) =>
      engine.applyMigrations({ migrationsList: migrationList(dir), filters: NO_FILTERS }),
    );
    for (const name of appliedMigrationNames) options.log?.(`applied migration ${name}`);
    return appliedMigrationNames;
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await lock.end();
  }
}

/** Anything that runs a raw SQL query and returns rows (a pg client, or Prisma's `$queryRawUnsafe`). */
export type QueryRows = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** Names of the migrations on disk that the database has not (successfully) applied. */
export async function pendingMigrations(query: QueryRows, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
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
  for (const m of readMigrations(migrationsDir)) hash.update(m.name).update('\0').update(m.sql).update('\0');
  return hash.digest('hex').slice(0, 12);
}
