// The server as a new user starts it: the API's own `pnpm start` script (the last step of the
// README's `pnpm start`), no DATABASE_URL (so the embedded PostgreSQL), a data directory of its
// own, a free PORT. Spawned in its own process group so it can be stopped like a terminal does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  dataDir: string;
  baseUrl: string;
  output(): string;
  /** Where the server's output is written when the run ends (kept for evidence). */
  logFile: string;
}

/** A new user's environment: none of the test runner's variables, no DATABASE_URL, no NODE_ENV. */
function newUserEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'DATABASE_URL' || key === 'NODE_ENV' || key.startsWith('VITEST') || key === 'TEST')
      continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * `admin`: ADMIN_EMAIL/ADMIN_PASSWORD, or null to leave them unset. `dataDir`: reuse one (a
 * restart); a new temporary directory otherwise.
 */
export async function startServer(
  admin: { email: string; password: string } | null,
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gazette-acceptance-')),
): Promise<ServerProcess> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env = newUserEnv({
    PORT: String(port),
    GAZETTE_DATA_DIR: dataDir,
    GAZETTE_PG_PORT: String(pgPort),
  });
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  if (admin) Object.assign(env, { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
  const child = spawn('pnpm', ['--filter', '@gazette/api', 'start'], {
    cwd: REPO_ROOT,
    env,
    detached: true, // its own process group: SIGTERM reaches pnpm, node and whatever they started
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const logFile = path.join(os.tmpdir(), `${path.basename(dataDir)}-${port}.log`);
  return { child, port, dataDir, baseUrl: `http://127.0.0.1:${port}`, output: () => out, logFile };
}

export async function waitReady(server: ServerProcess, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`server exited before /readyz answered 200:\n${tail(server.output())}`);
    }
    const res = await fetch(`${server.baseUrl}/readyz`).catch(() => null);
    if (res?.status === 200) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`/readyz not 200 after ${timeoutMs} ms:\n${tail(server.output())}`);
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

function readProc(pid: string, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // gone meanwhile
  }
}

/** Live processes (not zombies) whose command line names the data directory: the postmaster and its children. */
export function processesUsingDataDir(dataDir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const cmd = readProc(pid, 'cmdline')?.replaceAll('\0', ' ');
    const state = readProc(pid, 'stat')?.replace(/^.*\) /, '')[0];
    if (cmd?.includes(dataDir) && state !== 'Z') found.push(`${pid} ${cmd.trim()}`);
  }
  return found;
}

/** Live members of a process group. */
export function processGroupMembers(pgid: number): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const fields = readProc(pid, 'stat')
      ?.replace(/^.*\) /, '')
      .split(' ');
    if (fields && fields[0] !== 'Z' && Number(fields[2]) === pgid) {
      found.push(`${pid} ${(readProc(pid, 'cmdline') ?? '').replaceAll('\0', ' ').trim()}`);
    }
  }
  return found;
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

export interface StopReport {
  /** The group was gone within the grace period after SIGTERM (no SIGKILL needed). */
  stoppedBySigterm: boolean;
  leftInGroup: string[];
  leftUsingDataDir: string[];
}

/** SIGTERM to the whole process group, as `kill -TERM -<pgid>`; SIGKILL only as a last resort. */
export async function stopServer(server: ServerProcess, graceMs = 60_000): Promise<StopReport> {
  const pgid = server.child.pid!;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // already gone
  }
  const stoppedBySigterm = await waitUntil(
    () =>
      processGroupMembers(pgid).length === 0 && processesUsingDataDir(server.dataDir).length === 0,
    graceMs,
  );
  const leftInGroup = processGroupMembers(pgid);
  const leftUsingDataDir = processesUsingDataDir(server.dataDir);
  if (!stoppedBySigterm) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
    for (const line of leftUsingDataDir) {
      try {
        process.kill(Number(line.split(' ')[0]), 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
  writeFileSync(server.logFile, server.output());
  return { stoppedBySigterm, leftInGroup, leftUsingDataDir };
}
