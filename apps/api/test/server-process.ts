// The API as a child process, for the suites that need a real server (several instances on one
// database, a kill -9 mid-write): started on a free port in its own process group, waited for
// until /readyz answers, stopped with SIGTERM (SIGKILL after 30 s) or killed outright. Each suite
// gets a fresh database on DATABASE_URL's server, or on a throwaway embedded PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startThrowawayPostgres, type EmbeddedPostgres } from '@gazette/db/embedded';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  name: string;
  port: number;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** The exit code (null when ended by a signal). */
  exited: Promise<number | null>;
}

export interface ServerOptions {
  /** Names the instance in errors. */
  name: string;
  databaseUrl: string;
  dataDir: string;
  admin: { email: string; password: string };
  logLevel?: string;
}

/** Spawns `src/server.ts` on a free port; not yet ready (see waitReady). */
export async function spawnServer(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'info',
  };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  Object.assign(env, {
    GAZETTE_DATA_DIR: options.dataDir,
    ADMIN_EMAIL: options.admin.email,
    ADMIN_PASSWORD: options.admin.password,
    NODE_ENV: 'development',
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
    { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { name: options.name, port, child, output: () => out, exited };
}

/** Waits until the server's /readyz answers 200; fails with its output if it exits or takes too long. */
export async function waitReady(server: ServerProcess, ms = 180_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`${server.name} exited early:\n${server.output()}`);
    const res = await fetch(`http://127.0.0.1:${server.port}/readyz`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${server.name} not ready in time:\n${server.output()}`);
}

/** Spawns the server and waits until it is ready. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const server = await spawnServer(options);
  await waitReady(server);
  return server;
}

function signalGroup(server: ServerProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.child.pid!, signal);
  } catch {
    // gone
  }
}

/** SIGTERM to the server's process group (SIGKILL after 30 s); its exit code. */
export async function stopServer(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  signalGroup(server, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(server, 'SIGKILL'), 30_000);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
}

/** SIGKILL to the server's process group — no graceful close, no finally blocks — and its exit. */
export async function killServer(server: ServerProcess): Promise<void> {
  signalGroup(server, 'SIGKILL');
  await server.exited;
}

export interface FreshDatabase {
  name: string;
  url: string;
  /** Drops the database and stops the throwaway PostgreSQL, if one was started. */
  drop(): Promise<void>;
}

/** A new empty database named from `prefix`, on DATABASE_URL's server or a throwaway one. */
export async function freshDatabase(prefix: string): Promise<FreshDatabase> {
  let cluster: EmbeddedPostgres | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    cluster = await startThrowawayPostgres();
    adminUrl = cluster.url();
  }
  const onAdmin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await cluster?.stop();
    },
  };
}
