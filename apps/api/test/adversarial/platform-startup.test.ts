// A malformed DATABASE_URL stops the server with a message naming the variable (Chinese and
// English), not with a DNS error about a fragment of it; so does an unusable GAZETTE_SECRET_KEY,
// before anything is migrated.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidDatabaseUrlError, validateDatabaseUrl } from '@gazette/db/database-url';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('DATABASE_URL validation', () => {
  it.each(['not-a-url', 'mysql://u@h/db', 'postgresql://', 'postgresql://h:port/db'])(
    'refuses %s',
    (value) => {
      expect(() => validateDatabaseUrl(value)).toThrow(InvalidDatabaseUrlError);
    },
  );

  it.each([
    'postgresql://postgres@127.0.0.1:5432/postgres',
    'postgres://u:p@db/gazette',
    'postgresql:///gazette?host=/run/postgresql',
  ])('accepts %s', (value) => {
    expect(validateDatabaseUrl(value)).toBe(value);
  });

  it('the server exits at once with a clear message naming DATABASE_URL', () => {
    const run = spawnSync(
      process.execPath,
      ['--experimental-wasm-modules', '--import', 'tsx', 'src/server.ts'],
      {
        cwd: API_DIR,
        env: { ...process.env, DATABASE_URL: 'not-a-url', PORT: '0', LOG_LEVEL: 'fatal' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(1);
    const output = run.stderr + run.stdout;
    expect(output).toMatch(/DATABASE_URL 无效/);
    expect(output).toMatch(/DATABASE_URL is invalid/);
    expect(output).not.toMatch(/ENOTFOUND|getaddrinfo/);
  }, 40_000);

  it('an unusable GAZETTE_SECRET_KEY stops the start before the database is touched, naming it', () => {
    const run = spawnSync(
      process.execPath,
      ['--experimental-wasm-modules', '--import', 'tsx', 'src/server.ts'],
      {
        cwd: API_DIR,
        env: {
          ...process.env,
          // Nothing listens there: the start must end before it would connect.
          DATABASE_URL: 'postgresql://postgres@127.0.0.1:9/gazette',
          GAZETTE_SECRET_KEY: 'too-short',
          PORT: '0',
          LOG_LEVEL: 'fatal',
        },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(1);
    const output = run.stderr + run.stdout;
    expect(output).toMatch(/GAZETTE_SECRET_KEY 无效/);
    expect(output).not.toMatch(/ECONNREFUSED/);
  }, 40_000);
});
