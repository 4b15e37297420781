import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing.ts';
import { createMigration, LOCKFILE_CONTENT } from './create.ts';
import { readMigrations } from './files.ts';

const V1 = `datasource db {
  provider = "postgresql"
}

model Thing {
  id   Int    @id
  name String
}
`;
const V2 = V1.replace('  name String\n', '  name String\n  note String?\n');

let db: TestDatabase; // the engine wants a live connection even to diff two schemas
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-new-migration-'));
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('createMigration', () => {
  it('writes the first migration from the empty database, its schema snapshot and the lock file', async () => {
    const result = await createMigration({
      name: 'init',
      schema: V1,
      databaseUrl: db.url,
      migrationsDir: dir,
      now: new Date('2026-01-02T03:04:05Z'),
    });
    expect(result).toEqual({ created: true, name: '20260102030405_init', removed: [] });
    const sql = readFileSync(path.join(dir, '20260102030405_init', 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "Thing"');
    expect(readFileSync(path.join(dir, '20260102030405_init', 'schema.prisma'), 'utf8')).toBe(V1);
    expect(readFileSync(path.join(dir, 'migration_lock.toml'), 'utf8')).toBe(LOCKFILE_CONTENT);
  });

  it('writes nothing when schema.prisma has not changed since the last migration', async () => {
    expect(
      await createMigration({ name: 'noop', schema: V1, databaseUrl: db.url, migrationsDir: dir }),
    ).toEqual({ created: false });
    expect(readMigrations(dir)).toHaveLength(1);
  });

  it('writes only the difference from the last snapshot as the next migration', async () => {
    const result = await createMigration({
      name: 'add_note',
      schema: V2,
      databaseUrl: db.url,
      migrationsDir: dir,
      now: new Date('2026-02-01T00:00:00Z'),
    });
    expect(result).toMatchObject({ created: true, name: '20260201000000_add_note' });
    const sql = readFileSync(path.join(dir, '20260201000000_add_note', 'migration.sql'), 'utf8');
    expect(sql).toContain('ALTER TABLE "Thing" ADD COLUMN     "note" TEXT');
    expect(sql).not.toContain('CREATE TABLE');
  });

  it("with squash, replaces every migration by one from empty, keeping the first one's directory", async () => {
    const result = await createMigration({
      name: 'init',
      schema: V2,
      databaseUrl: db.url,
      migrationsDir: dir,
      squash: true,
    });
    expect(result).toEqual({
      created: true,
      name: '20260102030405_init',
      removed: ['20260102030405_init', '20260201000000_add_note'],
    });
    expect(readdirSync(dir).sort()).toEqual(['20260102030405_init', 'migration_lock.toml']);
    const sql = readFileSync(path.join(dir, '20260102030405_init', 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "Thing"');
    expect(sql).toContain('"note" TEXT');
    expect(existsSync(path.join(dir, '20260201000000_add_note'))).toBe(false);
  });

  it('refuses names that would not make a clean directory name', async () => {
    await expect(
      createMigration({ name: '../evil', schema: V2, databaseUrl: db.url, migrationsDir: dir }),
    ).rejects.toThrow(/a-z/);
  });
});
