import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const LOCKFILE = 'migration_lock.toml';
/** Each migration keeps the schema it was generated from beside its SQL, for the next diff. */
export const SNAPSHOT = 'schema.prisma';

export interface Migration {
  name: string;
  sql: string;
  /** The schema.prisma the migration was generated from (null for hand-written ones). */
  snapshot: string | null;
}

/** The migrations of `dir`, oldest first (Prisma orders them by directory name). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const snapshotPath = path.join(dir, name, SNAPSHOT);
      return {
        name,
        sql: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8'),
        snapshot: existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : null,
      };
    });
}

export function readSchema(file = SCHEMA_PATH): string {
  return readFileSync(file, 'utf8');
}
