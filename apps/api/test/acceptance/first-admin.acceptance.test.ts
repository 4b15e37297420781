// A new user sets no ADMIN_EMAIL/ADMIN_PASSWORD. contract/README.md, Cases: "when unset:
// `admin@localhost` with a random password, printed once and stored in a file only its owner can
// read" (issue 2: `.data/initial-admin-password`, mode 0600). The password must work with the
// contract's Login, and a second start must not print it again.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractClient } from './contract-client.ts';
import {
  processesUsingDataDir,
  startServer,
  stopServer,
  waitReady,
  type ServerProcess,
} from './server-process.ts';

let live: ServerProcess | undefined; // stopped in afterAll if a failure left it running
let dataDir: string | undefined;

afterAll(async () => {
  if (live) await stopServer(live, 30_000);
  if (dataDir && processesUsingDataDir(dataDir).length === 0)
    rmSync(dataDir, { recursive: true, force: true });
}, 90_000);

describe('the first administrator when ADMIN_EMAIL and ADMIN_PASSWORD are unset', () => {
  it('is admin@localhost with a random password printed once, kept 0600, that logs in', async () => {
    const first = (live = await startServer(null));
    dataDir = first.dataDir;
    await waitReady(first, 240_000);

    const file = path.join(first.dataDir, 'initial-admin-password');
    expect(existsSync(file), `${file} exists`).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The format is not fixed by the README: the password alone, or the e-mail then the password.
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const password = lines.at(-1)!.trim();
    if (lines.length > 1) expect(lines[0]).toBe('admin@localhost');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(first.output()).toContain(password); // printed once, on the first start

    const api = new ContractClient(first.baseUrl);
    const login = await api.run('Login', { email: 'admin@localhost', password });
    expect(login.errors, JSON.stringify(login.errors)).toBeUndefined();
    expect(typeof login.data.login.token).toBe('string');

    const report = await stopServer(first);
    live = undefined;
    expect(report).toEqual({ stoppedBySigterm: true, leftInGroup: [], leftUsingDataDir: [] });

    // Same data directory again: the administrator exists, so nothing is printed.
    const second = (live = await startServer(null, first.dataDir));
    await waitReady(second, 240_000);
    expect(second.output()).not.toContain(password);
    const again = await new ContractClient(second.baseUrl).run('Login', {
      email: 'admin@localhost',
      password,
    });
    expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
    const stopped = await stopServer(second);
    live = undefined;
    expect(stopped).toEqual({ stoppedBySigterm: true, leftInGroup: [], leftUsingDataDir: [] });
  }, 600_000);
});
