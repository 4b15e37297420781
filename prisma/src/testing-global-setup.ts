// Vitest globalSetup for every package whose tests need PostgreSQL:
//   test: { globalSetup: [DB_TEST_GLOBAL_SETUP] }  (from '@gazette/db/testing')
// Uses DATABASE_URL when set; otherwise starts one embedded PostgreSQL for this run. Either way
// it makes sure a template database migrated from prisma/migrations exists (named by a hash of
// the migrations, so it is built once and reused until they change); test files clone it.
import pg from 'pg';
import { startThrowawayPostgres } from './embedded.ts';
import { isAlive } from './embedded-lock.ts';
import { applyMigrations, migrationsHash } from './migrate.ts';

export const ADMIN_URL_ENV = 'GAZETTE_TEST_ADMIN_URL';
export const TEMPLATE_ENV = 'GAZETTE_TEST_TEMPLATE';

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Builds the template under a temporary name and renames it, so no one clones a half-built one. */
export async function ensureTemplate(adminUrl: string): Promise<string> {
  const template = `gazette_template_${migrationsHash()}`;
  const exists = (c: pg.Client) =>
    c
      .query('SELECT 1 FROM pg_database WHERE datname = $1', [template])
      .then((r) => (r.rowCount ?? 0) > 0);
  if (await withClient(adminUrl, exists)) return template;

  const building = `${template}_building_${process.pid}`;
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(building)}`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(building)}`);
  });
  await applyMigrations(databaseUrl(adminUrl, building));
  await withClient(adminUrl, async (c) => {
    try {
      await c.query(
        `ALTER DATABASE ${c.escapeIdentifier(building)} RENAME TO ${c.escapeIdentifier(template)}`,
      );
    } catch (error) {
      // Another run built it first: use theirs.
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(building)}`);
      if (!(await exists(c))) throw error;
    }
  });
  return template;
}

/** Drops databases left by test processes of this machine that died before dropping them. */
async function dropOrphans(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^gazette_(test|empty)_[0-9]+_' OR datname ~ '_building_[0-9]+$'`,
    );
    for (const { datname } of rows) {
      const pid = Number(
        /^gazette_(?:test|empty)_(\d+)_/.exec(datname)?.[1] ??
          /_building_(\d+)$/.exec(datname)?.[1],
      );
      if (pid && !isAlive(pid))
        await c
          .query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`)
          .catch(() => {});
    }
  });
}

export default async function setup(): Promise<() => Promise<void>> {
  let adminUrl = process.env.DATABASE_URL;
  let teardown = async () => {};
  if (!adminUrl) {
    const cluster = await startThrowawayPostgres();
    adminUrl = cluster.url();
    teardown = cluster.stop;
  }
  try {
    await dropOrphans(adminUrl);
    process.env[TEMPLATE_ENV] = await ensureTemplate(adminUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  process.env[ADMIN_URL_ENV] = adminUrl;
  return teardown;
}
