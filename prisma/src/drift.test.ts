import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { catalogSnapshot } from './drift.ts';
import { diffDatamodels, readMigrations, readSchema } from './migrate.ts';
import { isEmptyMigration } from './migrate/create.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

// Fails when prisma/schema.prisma and prisma/migrations disagree. The fix is almost always
// `pnpm db:migration <name>` (or, before the first release, `pnpm db:migration init --squash`).

let migrated: TestDatabase;
let fromSchema: TestDatabase;

beforeAll(async () => {
  migrated = await createTestDatabase(); // the template: every migration applied
  fromSchema = await createTestDatabase();
  // Empty it, then build it straight from schema.prisma.
  const c = new pg.Client({ connectionString: fromSchema.url });
  await c.connect();
  try {
    await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await c.query(await diffDatamodels(fromSchema.url, null, readSchema()));
  } finally {
    await c.end();
  }
});

afterAll(async () => {
  await migrated?.drop();
  await fromSchema?.drop();
});

async function snapshot(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await catalogSnapshot(c);
  } finally {
    await c.end();
  }
}

describe('schema.prisma and prisma/migrations', () => {
  it('has a migration whose schema snapshot needs no SQL to reach schema.prisma', async () => {
    const last = readMigrations().at(-1);
    expect(last, 'no migration: run pnpm db:migration init').toBeDefined();
    expect(last?.snapshot, `${last?.name} has no schema.prisma snapshot`).not.toBeNull();
    const sql = await diffDatamodels(migrated.url, last!.snapshot, readSchema());
    expect(
      isEmptyMigration(sql),
      `schema.prisma changed since ${last!.name}; run pnpm db:migration <name>:\n${sql}`,
    ).toBe(true);
  });

  it('builds the same catalog by applying every migration as by creating schema.prisma from empty', async () => {
    const [applied, direct] = await Promise.all([snapshot(migrated.url), snapshot(fromSchema.url)]);
    expect(applied.length).toBeGreaterThan(50);
    expect(applied).toEqual(direct);
  });
});
