import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EditedMigrationError,
  MIGRATION_LOCK_KEY,
  MIGRATIONS_DIR,
  applyMigrations,
  pendingMigrations,
  readMigrations,
} from './migrate.ts';
import { createEmptyDatabase } from './testing.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function emptyDatabase() {
  const db = await createEmptyDatabase();
  cleanup.push(() => db.drop());
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  cleanup.push(() => client.end());
  const query = async (sql: string) =>
    (await client.query(sql)).rows as Array<Record<string, unknown>>;
  return { url: db.url, client, query };
}

const onDisk = readMigrations().map((m) => m.name);

describe('applyMigrations', () => {
  it('applies every migration once, records it like prisma migrate deploy, and then does nothing', async () => {
    const db = await emptyDatabase();
    expect(await pendingMigrations(db.query)).toEqual(onDisk);
    expect(await applyMigrations(db.url)).toEqual(onDisk);
    expect(await applyMigrations(db.url)).toEqual([]);
    expect(await pendingMigrations(db.query)).toEqual([]);

    const rows = await db.query(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    for (const [i, m] of readMigrations().entries()) {
      expect(rows[i]!.checksum).toBe(createHash('sha256').update(m.sql).digest('hex')); // as Prisma computes it
      expect(rows[i]!.finished_at).not.toBeNull();
    }
    const tables = await db.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables[0]!.n).toBeGreaterThan(10);
  });

  it('serialises two migrators started at once: each migration is applied exactly once', async () => {
    const db = await emptyDatabase();
    const results = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
    expect(results.map((r) => r.length).sort()).toEqual([0, onDisk.length]);
    const rows = await db.query('SELECT migration_name FROM _prisma_migrations');
    expect(rows).toHaveLength(onDisk.length);
  });

  it('waits while another migrator holds the advisory lock', async () => {
    const db = await emptyDatabase();
    await db.client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    let done = false;
    const applying = applyMigrations(db.url).then((names) => ((done = true), names));
    await new Promise((r) => setTimeout(r, 1500));
    expect(done).toBe(false);
    expect(await pendingMigrations(db.query)).toEqual(onDisk);
    await db.client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    expect(await applying).toEqual(onDisk);
  });

  it('leaves nothing of a migration that fails halfway, and reports it', async () => {
    const db = await emptyDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-migrations-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, '99990101000000_broken'));
    writeFileSync(
      path.join(dir, '99990101000000_broken', 'migration.sql'),
      'CREATE TABLE "HalfDone" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n',
    );
    await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
      /NoSuchTable|99990101000000_broken/,
    );
    expect(await db.query(`SELECT to_regclass('"HalfDone"') AS t`)).toEqual([{ t: null }]);
    expect(await pendingMigrations(db.query, dir)).toEqual(['99990101000000_broken']);
  });
});

describe('applyMigrations on a database whose applied migration was since edited', () => {
  it('refuses with a message saying how to recover, and changes nothing', async () => {
    const db = await emptyDatabase();
    await applyMigrations(db.url);
    await db.query(
      `UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '${onDisk[0]}'`,
    );
    await expect(applyMigrations(db.url)).rejects.toThrow(EditedMigrationError);
    await expect(applyMigrations(db.url)).rejects.toThrow(/delete \.data\/postgres/);
  });
});
