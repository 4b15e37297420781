import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import { verifyPassword } from './auth/password.ts';
import { bootstrapAdmin, DEFAULT_ADMIN_EMAIL } from './bootstrap-admin.ts';

let db: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await db.prisma.user.deleteMany();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gazette-admin-'));
  return () => rmSync(dataDir, { recursive: true, force: true });
});

describe('bootstrapAdmin', () => {
  it('creates the administrator from ADMIN_EMAIL / ADMIN_PASSWORD, storing only a hash', async () => {
    const env = { ADMIN_EMAIL: 'Boss@Example.org', ADMIN_PASSWORD: 'Given-pass-1' };
    const result = await bootstrapAdmin(db.prisma, { env, dataDir });
    expect(result).toMatchObject({
      created: true,
      email: 'boss@example.org',
      generatedPassword: null,
      passwordFile: null,
    });
    const [user] = await db.prisma.user.findMany();
    expect(user).toMatchObject({ email: 'boss@example.org', role: 'ADMIN', active: true });
    expect(user!.passwordHash).not.toContain('Given-pass-1');
    expect(await verifyPassword('Given-pass-1', user!.passwordHash)).toBe(true);
  });

  it('without ADMIN_PASSWORD, generates one, announces it once and writes it to a 0600 file', async () => {
    const announced: string[] = [];
    const result = await bootstrapAdmin(db.prisma, {
      env: {},
      dataDir,
      announce: (m) => announced.push(m),
    });
    if (!result.created || !result.generatedPassword)
      throw new Error('expected a generated password');
    expect(result.email).toBe(DEFAULT_ADMIN_EMAIL);
    expect(result.generatedPassword.length).toBeGreaterThanOrEqual(20);
    expect(announced).toHaveLength(1);
    expect(announced[0]).toContain(result.generatedPassword);
    const file = path.join(dataDir, 'initial-admin-password');
    expect(readFileSync(file, 'utf8')).toBe(
      `${DEFAULT_ADMIN_EMAIL}\n${result.generatedPassword}\n`,
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: DEFAULT_ADMIN_EMAIL } });
    expect(await verifyPassword(result.generatedPassword, user.passwordHash)).toBe(true);
  });

  it('does nothing once any user exists, so a restart never resets a password', async () => {
    await bootstrapAdmin(db.prisma, { env: { ADMIN_PASSWORD: 'First-pass-1' }, dataDir });
    const before = await db.prisma.user.findMany();
    const announced: string[] = [];
    const again = await bootstrapAdmin(db.prisma, {
      env: { ADMIN_PASSWORD: 'Other-pass-2' },
      dataDir,
      announce: (m) => announced.push(m),
    });
    expect(again).toEqual({ created: false });
    expect(announced).toEqual([]);
    expect(await db.prisma.user.findMany()).toEqual(before);
  });

  it('creates exactly one administrator when two servers bootstrap at once', async () => {
    const results = await Promise.all([
      bootstrapAdmin(db.prisma, {
        env: { ADMIN_EMAIL: 'a@x.org', ADMIN_PASSWORD: 'Pass-a-1' },
        dataDir,
      }),
      bootstrapAdmin(db.prisma, {
        env: { ADMIN_EMAIL: 'b@x.org', ADMIN_PASSWORD: 'Pass-b-1' },
        dataDir,
      }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.prisma.user.count()).toBe(1);
  });
});
