import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';
import { lockDataDir, type DataDirLock } from './embedded-lock.ts';
import { PRISMA_DIR } from './migrate/files.ts';
import { validateDatabaseUrl } from './database-url.ts';

/** The embedded cluster's port: not 5432, so it never collides with a system PostgreSQL. */
export const EMBEDDED_PORT = 54329;
export const EMBEDDED_DATABASE = 'gazette';

/** `GAZETTE_DATA_DIR`, or `.data` at the repository root (git-ignored). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GAZETTE_DATA_DIR ?? path.join(PRISMA_DIR, '..', '.data'));
}

export interface OpenedDatabase {
  url: string;
  /** Set when the embedded cluster was started (no DATABASE_URL). */
  embedded: EmbeddedPostgres | null;
  /** Stops the embedded cluster (if any) and releases the data directory. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}

/**
 * `DATABASE_URL` when set; otherwise the embedded PostgreSQL in `<data dir>/postgres` on
 * `GAZETTE_PG_PORT` (default 54329), with its data directory locked against a second instance.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const env = options.env ?? process.env;
  if (env.DATABASE_URL)
    return { url: validateDatabaseUrl(env.DATABASE_URL), embedded: null, close: async () => {} };

  const dir = dataDir(env);
  const lock: DataDirLock = lockDataDir(dir);
  let embedded: EmbeddedPostgres | null = null;
  try {
    const port = env.GAZETTE_PG_PORT ? Number.parseInt(env.GAZETTE_PG_PORT, 10) : EMBEDDED_PORT;
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'postgres'),
      port,
      log: options.log,
    });
    await ensureDatabase(embedded.url(), EMBEDDED_DATABASE);
  } catch (error) {
    await embedded?.stop();
    lock.release();
    throw error;
  }
  const running = embedded;
  return {
    url: running.url(EMBEDDED_DATABASE),
    embedded: running,
    close: async () => {
      try {
        await running.stop();
      } finally {
        lock.release();
      }
    },
  };
}

/** Creates database `name` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
