// The embedded default, end to end, as a newcomer runs it: no DATABASE_URL, a data directory
// of its own, the server started by the command `pnpm start` ends with. It must come up,
// answer, keep its data across a restart, refuse a second instance on the same data, and
// leave no PostgreSQL behind when stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient } from '@gazette/db';
import { afterAll, describe, expect, it } from 'vitest';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gazette-e2e-'));
const ADMIN = { email: 'e2e@gazette.test', password: 'E2e-password-1' };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(port: number, pgPort: number): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    GAZETTE_PG_PORT: String(pgPort),
  };
  delete env.DATABASE_URL;
  Object.assign(env, {
    GAZETTE_DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
  });
  const child = spawn(
    process.execPath,
    [
      '--experimental-wasm-modules',
      '--disable-warning=ExperimentalWarning',
      '--import',
      'tsx',
      'src/server.ts',
    ],
    { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }, // its own group, like a terminal's job
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => out, exited };
}

async function waitReady(port: number, server: Started): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`not ready in time:\n${server.output()}`);
}

async function graphql(port: number, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: { login?: { token?: unknown }; __typename?: string };
    errors?: unknown[];
  };
}

async function sql<T>(pgPort: number, text: string): Promise<T[]> {
  const password = readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
  const prisma = createPrismaClient(
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/gazette`,
  );
  try {
    return await prisma.$queryRawUnsafe<T[]>(text);
  } finally {
    await prisma.$disconnect();
  }
}

/** Processes whose command line names our data directory (the postmaster and its children). */
function processesUsingDataDir(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmd.includes(dataDir)) found.push(`${pid} ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** SIGTERM to the server, or SIGINT to its whole process group as Ctrl-C in a terminal sends. */
async function stop(server: Started, how: 'SIGTERM' | 'Ctrl-C'): Promise<number | null> {
  if (how === 'SIGTERM') server.child.kill('SIGTERM');
  else process.kill(-server.child.pid!, 'SIGINT');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
}

const LOGIN =
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pnpm start with no DATABASE_URL (embedded PostgreSQL)', () => {
  it('starts, serves, keeps data across a restart, refuses a second instance and stops cleanly', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];

    // First start: initialises .data/postgres, migrates, seeds, creates the administrator.
    const first = start(port, pgPort);
    await waitReady(port, first);
    expect(await graphql(port, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    const login = await graphql(port, LOGIN, ADMIN);
    expect(login.errors).toBeUndefined();
    expect(typeof login.data?.login?.token).toBe('string');
    const policies = (
      await sql<{ policies: number }>(pgPort, 'SELECT count(*)::int AS policies FROM "Policy"')
    )[0]!.policies;
    expect(policies).toBeGreaterThan(0);
    await sql(
      pgPort,
      `INSERT INTO "Organization" (id, name, type, "updatedAt") VALUES (gen_random_uuid(), 'E2E 持久化检查', 'OTHER', now())`,
    );
    expect(existsSync(path.join(dataDir, 'initial-admin-password'))).toBe(false); // ADMIN_PASSWORD was given
    expect(first.output()).not.toContain(ADMIN.password);

    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(processesUsingDataDir()).toEqual([]);
    expect(existsSync(path.join(dataDir, 'gazette.lock'))).toBe(false);

    // Second start on the same data: nothing re-created, nothing lost, nothing duplicated.
    const second = start(port, pgPort);
    await waitReady(port, second);
    expect((await graphql(port, LOGIN, ADMIN)).data?.login?.token).toEqual(expect.any(String));
    expect(
      await sql(pgPort, `SELECT name FROM "Organization" WHERE name = 'E2E 持久化检查'`),
    ).toHaveLength(1);
    expect(await sql(pgPort, 'SELECT count(*)::int AS policies FROM "Policy"')).toEqual([
      { policies },
    ]);
    expect(await sql(pgPort, 'SELECT count(*)::int AS users FROM "User"')).toEqual([{ users: 1 }]);
    expect(second.output()).toContain('"applied":0');

    // A second instance on the same data directory refuses, in Chinese and English.
    const intruder = start(await freePort(), await freePort());
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toContain('另一个 Gazette 实例');
    expect(intruder.output()).toContain('Another Gazette instance');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200); // the first is unharmed

    expect(await stop(second, 'Ctrl-C')).toBe(0);
    expect(processesUsingDataDir()).toEqual([]);
  });
});
