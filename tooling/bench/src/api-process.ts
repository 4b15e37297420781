// The processes the benchmarks talk to, shared by `pnpm bench` (bench.ts) and the warmed probe
// (warm-probe.ts): the API as apps/api's start script runs it, the raw SQL server, and the
// sign-in and the values (a case, a rate version) the requests need.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Found } from './requests.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
export const ADMIN_EMAIL = 'bench@localhost';
export const ADMIN_PASSWORD = 'bench-password-not-secret';
/** The case the contract's `query Case` reads, opened once per database. */
export const CASE_NAME = '基准测试:被读取的案件';

export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** A port nothing listens on now (the OS picks it for a moment's listener). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------ the API child process

export interface Api {
  url: string;
  /** The probe's address (tooling/bench/src/probe.mjs: statements, RSS, loop delay); '' without it. */
  probe: string;
  child: ChildProcess;
  startupMs: number;
  /** The API process's CPU time so far (user + system), in ms, from /proc (Linux). */
  cpuMs(): number;
  /** SIGTERM to the process group (a graceful stop writes a --cpu-prof profile), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

export interface StartApiOptions {
  /** Load probe.mjs into the API (default true). */
  probe?: boolean;
  /** Another build's server.mjs instead of apps/api's dist/server.mjs (an A/B comparison). */
  entry?: string;
  /** Start node with --cpu-prof, writing the profile into this directory on a graceful stop. */
  cpuProf?: string;
  /** More node flags, after the start script's own (a later flag wins: an A/B of a V8 setting). */
  nodeFlags?: string;
}

/** A process's CPU time so far (user + system), in ms, from /proc (Linux). */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
}

/** Starts the API with apps/api's own start script (what `pnpm start` runs last). */
export async function startApi(databaseUrl: string, options: StartApiOptions = {}): Promise<Api> {
  const port = await freePort();
  const probePort = options.probe === false ? 0 : await freePort();
  const apiDir = path.join(ROOT, 'apps/api');
  let script = (
    JSON.parse(readFileSync(path.join(apiDir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts.start!;
  if (options.entry) script = script.replace('dist/server.mjs', path.resolve(options.entry));
  if (options.nodeFlags)
    script = script.replace(/(^|\s)node (.*?)(\S+\.mjs)/, `$1node $2${options.nodeFlags} $3`);
  const cpuProf = options.cpuProf ?? process.env.BENCH_CPU_PROF;
  if (cpuProf)
    script = script.replace(/(^|\s)node /, `$1node --cpu-prof --cpu-prof-dir=${cpuProf} `);
  const started = performance.now();
  const child = spawn('sh', ['-c', `exec ${script}`], {
    cwd: apiDir,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      ...(probePort
        ? {
            BENCH_PROBE_PORT: String(probePort),
            NODE_OPTIONS:
              `${process.env.NODE_OPTIONS ?? ''} --import ${path.join(HERE, 'probe.mjs')}`.trim(),
          }
        : {}),
    },
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${stderr}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) {
      process.kill(-child.pid!, 'SIGKILL'); // never leave it running
      throw new Error(`the API was not ready in 120 s:\n${stderr}`);
    }
    await sleep(25);
  }
  const startupMs = performance.now() - started;
  return {
    url,
    probe: probePort ? `http://127.0.0.1:${probePort}` : '',
    child,
    startupMs,
    cpuMs: () => cpuMsOf(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    },
  };
}

export async function startRaw(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(HERE, 'raw-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`raw server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export async function gql(
  api: Api,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  operationName?: string,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables, operationName }),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: () =>
      JSON.parse(text) as { data?: any; errors?: Array<{ message: string; extensions?: any }> },
  };
}

export async function login(api: Api): Promise<string> {
  const r = (
    await gql(
      api,
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: ADMIN_EMAIL, p: ADMIN_PASSWORD },
    )
  ).json();
  const token = r.data?.login?.token as string | undefined;
  if (!token) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
  return token;
}

export async function findValues(api: Api, client: pg.Client, token: string): Promise<Found> {
  const existing = await client.query<{ id: string }>(
    `SELECT id FROM "DiscretionCase" WHERE "caseName" = $1 LIMIT 1`,
    [CASE_NAME],
  );
  if (existing.rows.length === 0) {
    const opened = (
      await gql(
        api,
        `mutation($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id } } }`,
        {
          input: {
            caseName: CASE_NAME,
            subjectName: '基准测试主体',
            trigger: 'SUBJECT_APPLICATION',
            filedOn: '2025-03-03',
          },
        },
        token,
      )
    ).json();
    if (!opened.data?.openDiscretionReview)
      throw new Error(`openDiscretionReview failed: ${JSON.stringify(opened.errors)}`);
  }
  const caseDbId = (
    await client.query<{ id: string }>(
      `SELECT id FROM "DiscretionCase" WHERE "caseName" = $1 LIMIT 1`,
      [CASE_NAME],
    )
  ).rows[0]!.id;
  const caseId = ((
    await gql(
      api,
      `query { cases(first: 1, filter: { q: "被读取的案件" }) { edges { node { id } } } }`,
      {},
      token,
    )
  ).json().data?.cases?.edges?.[0]?.node?.id ?? caseDbId) as string;
  const medicalVersionId = (
    await client.query<{ id: string }>(
      `SELECT v.id FROM "RateTableVersion" v JOIN "RateTable" t ON t.id = v."tableId" WHERE t.key = 'medical-service-prices'
       AND v.status = 'PUBLISHED' AND v."effectiveFrom" <= '2025-01-01' ORDER BY v."effectiveFrom" DESC LIMIT 1`,
    )
  ).rows[0]!.id;
  // The page filter takes the GraphQL id; fetch it the way the dashboard would.
  const pageIds = (
    await gql(
      api,
      `query { rateTableVersionsPage(perPage: 100, sort: { field: "effectiveFrom", order: DESC }) { nodes { id effectiveFrom } } }`,
      {},
      token,
    )
  ).json();
  const node = (
    pageIds.data?.rateTableVersionsPage?.nodes as
      Array<{ id: string; effectiveFrom: string }> | undefined
  )?.find((n) => n.effectiveFrom === '2024-11-01');
  return { caseId, caseDbId, medicalVersionId: node?.id ?? medicalVersionId };
}
