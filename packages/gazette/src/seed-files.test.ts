import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ISSUE_PATH, reading } from './testing/issue.ts';
import { seedJson, toSeedFiles } from './to-seed.ts';

const SEED_DIR = fileURLToPath(new URL('../../../prisma/seed/2024-12/', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const committed = (name: string) => readFileSync(join(SEED_DIR, name), 'utf8');

describe('the committed seed of 2024-12', () => {
  const files = toSeedFiles(reading(), 'luzhou-2024-12.md');

  it('is exactly what reading the committed issue produces, file by file', () => {
    expect(readdirSync(SEED_DIR).sort()).toEqual([...files.keys()].sort());
    for (const [name, content] of files) expect(seedJson(content), name).toBe(committed(name));
  });

  it('writes the six files the seed loader reads', () => {
    expect([...files.keys()]).toEqual([
      'policies.json',
      'noise-duties.json',
      'inspection-2024Q4.json',
      'land-transfer-fees.json',
      'medical-service-prices.json',
      'problems.json',
    ]);
  });

  it('writes amounts and rates as decimal strings, never as numbers', () => {
    const text = committed('medical-service-prices.json') + committed('land-transfer-fees.json');
    expect(text).not.toMatch(/"(?:amount|TERTIARY_A|BELOW_SECONDARY_B|rate)": \d/u);
    expect(JSON.parse(committed('land-transfer-fees.json')).entries[0].amount).toBe('1425');
  });

  it('writes dates as YYYY-MM-DD', () => {
    const policies = JSON.parse(committed('policies.json')) as { policies: { signedOn: string }[] };
    expect(policies.policies.every((p) => /^\d{4}-\d{2}-\d{2}$/u.test(p.signedOn))).toBe(true);
  });

  it('leaves line positions out of policies.json (they belong to the reading, not the data)', () => {
    expect(committed('policies.json')).not.toMatch(/"(?:line|startLine|endLine)"/u);
  });
});

describe('read-issue', () => {
  const out = mkdtempSync(join(tmpdir(), 'read-issue-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the same files as the committed seed and prints what needs review', () => {
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ISSUE_PATH, out],
      {
        cwd: PACKAGE_DIR,
        encoding: 'utf8',
        env: { ...process.env, INIT_CWD: PACKAGE_DIR },
      },
    );
    expect(stdout).toContain('2024年第12期: 9 documents, 4 tables');
    expect(stdout).toContain('MEDICAL_DUPLICATE_NAME');
    for (const name of readdirSync(SEED_DIR)) {
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(committed(name));
    }
  }, 30_000);

  it('explains its usage when arguments are missing', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts'], {
        cwd: PACKAGE_DIR,
        stdio: 'pipe',
      });
    } catch (error) {
      const e = error as { status: number; stderr: Buffer };
      status = e.status;
      stderr = e.stderr.toString();
    }
    expect(status).toBe(2);
    expect(stderr).toContain('用法');
  }, 30_000);
});
