import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ISSUE_PATH } from './testing/issue.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('read-issue', () => {
  const out = mkdtempSync(join(tmpdir(), 'read-issue-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('prints the summary of an issue, its documents and its problems, and writes nothing', () => {
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(PACKAGE_DIR, 'src/cli.ts'), ISSUE_PATH],
      { cwd: PACKAGE_DIR, encoding: 'utf8', env: { ...process.env, INIT_CWD: PACKAGE_DIR } },
    );
    expect(stdout).toMatch(/2024年第12期: 9 documents, \d+ tables, \d+ repairs, 0 problems/u);
    expect(stdout).toContain('泸市监规发〔2024〕2号 第38页');
    expect(readdirSync(out)).toEqual([]);
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
