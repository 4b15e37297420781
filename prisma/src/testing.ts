// Test databases for every package: each test file clones the migrated template into its own
// database, so files run in parallel and never see each other's rows.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPrismaClient, type CreatePrismaClientOptions } from './client.ts';
import type { PrismaClient } from '../generated/client/client.ts';
import { ADMIN_URL_ENV, TEMPLATE_ENV } from './testing-global-setup.ts';

/** Put this in `test.globalSetup` of a package whose tests call createTestDatabase(). */
export const DB_TEST_GLOBAL_SETUP = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'testing-global-setup.ts',
);

export interface TestDatabase {
  /** The database's own URL (e.g. for a server under test). */
  url: string;
  prisma: PrismaClient;
  /** Disconnects the client and drops the database. */
  drop(): Promise<void>;
}

function withName(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  if (!adminUrl)
    throw new Error(
      `no test database server: add DB_TEST_GLOBAL_SETUP from @gazette/db/testing to test.globalSetup`,
    );
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An empty database with no tables at all (for tests of migrations themselves). */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gazette_empty_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return {
    url: withName(process.env[ADMIN_URL_ENV]!, name),
    drop: () =>
      admin((c) =>
        c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => {}),
  };
}

/** A fresh, migrated, empty database of its own. Call `drop()` in afterAll. */
export async function createTestDatabase(
  options: CreatePrismaClientOptions = {},
): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template)
    throw new Error(`no template database: add DB_TEST_GLOBAL_SETUP to test.globalSetup`);
  const name = `gazette_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(
          `CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`,
        );
        return;
      } catch (error) {
        // Two clones starting at the same instant can see each other on the template.
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const url = withName(process.env[ADMIN_URL_ENV]!, name);
  const prisma = createPrismaClient(url, { maxConnections: 5, ...options });
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await admin((c) =>
        c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}
