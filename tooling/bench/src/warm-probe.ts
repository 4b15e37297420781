// Warmed fixed-cost probe (issue 9, signed-in reads): never part of `pnpm bench` nor of
// docs/benchmarks.md. Starts the built API with its own start script on a probe database
// (gazette_warm_probe: migrated and seeded once, kept between runs; --fresh rebuilds it), warms
// each request up, then sends N sequential keep-alive requests per request, interleaved with the
// same answer from the raw server (raw-server.ts) where requests.ts has one, and prints p50 / p90.
//
//   node --experimental-wasm-modules --import tsx src/warm-probe.ts [--build] [--fresh]
//     [--n=1000] [--warmup=200] [--only=<regexp>] [--cpu-prof=<dir>] [--base=<server.mjs> [--base-flags=<flags>]]
//     [--scale]
//
// --base=<server.mjs> also starts another build of the API (e.g. the previous commit's dist copied
// away) on the same database and interleaves its requests with this build's: an A/B comparison
// under the same machine load.
// --base-flags="<node flags>" adds node flags to the other build's start script (base may then be
// this build's own dist/server.mjs: an A/B comparison of a V8 setting).
// --cpu-prof=<dir> starts the API with node --cpu-prof (the profile is written on its graceful stop).
// --mix sends every other bench read (requests.ts, not informational ones) through the same side
// before each measured call, untimed, as `pnpm bench` interleaves its ~35 reads: the measured call
// then finds caches and code as cold as it does there (an A/B of what that interleaving costs).
// --phases preloads phases.mjs into the API: each request's server-side time split at its SQL
// statements (before the first, the statements, after the last reply), medians printed per request.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPrismaClient } from '@gazette/db';
import { openDatabase } from '@gazette/db/embedded-default';
import { applyMigrations } from '@gazette/db/migrate';
import { seedDatabase } from '@gazette/db/seed';
import { REQUESTS } from './requests.ts';
import { buildScaledData, fillFirstPages, FULL_SCALE } from './scale.ts';
import { cpuMsOf, findValues, login, startApi, startRaw } from './api-process.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const N = Number(arg('n') ?? 1000);
const WARMUP = Number(arg('warmup') ?? 200);
const only = arg('only');
const cpuProf = arg('cpu-prof');
const base = arg('base');
const baseFlags = arg('base-flags');
// --scale: a second probe database with the bench's scaled history added (built once, kept).
const scaled = process.argv.includes('--scale');
const phases = process.argv.includes('--phases');
const mix = process.argv.includes('--mix');
const DB_NAME = scaled ? 'gazette_warm_probe_scale' : 'gazette_warm_probe';
const log = (m: string) => process.stderr.write(`[warm-probe] ${m}\n`);

async function probeDatabase(): Promise<string> {
  const db = await openDatabase({ env: process.env, log });
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const fresh = process.argv.includes('--fresh');
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  const exists =
    (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const url = new URL(db.url);
  url.pathname = `/${DB_NAME}`;
  if (!exists) {
    await applyMigrations(url.toString(), {});
    const prisma = createPrismaClient(url.toString());
    await seedDatabase(prisma);
    await prisma.$disconnect();
    log(`created and seeded ${DB_NAME}`);
  }
  // As the bench's databases (scale.ts); the fill only tops up, so a probe database kept from
  // before it existed gets it too.
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await fillFirstPages(client);
    if (scaled && !exists)
      log(`scaled data: ${JSON.stringify(await buildScaledData(client, FULL_SCALE))}`);
  } finally {
    await client.end();
  }
  return url.toString();
}

type Call = () => Promise<string>;

function graphql(url: string, body: Record<string, unknown>, token?: string, label?: string): Call {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // (phases.mjs groups the API's requests by it; ASCII only, as a header must be)
  if (phases && label) headers['x-bench-label'] = encodeURIComponent(label);
  if (token) headers.authorization = `Bearer ${token}`;
  return async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: text });
    const answer = await res.text();
    if (res.status !== 200 || answer.includes('"errors"'))
      throw new Error(`${res.status} ${answer.slice(0, 300)}`);
    return answer;
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function main() {
  if (process.argv.includes('--build')) {
    const built = spawnSync('pnpm', ['--filter', '@gazette/api', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error('build failed');
  }
  const databaseUrl = await probeDatabase();
  const phasesDir = phases ? mkdtempSync(path.join(tmpdir(), 'warm-probe-')) : undefined;
  const phasesFile = phasesDir && path.join(phasesDir, 'phases.json');
  if (phasesFile) process.env.BENCH_PHASES_FILE = phasesFile;
  const api = await startApi(databaseUrl, {
    probe: false,
    cpuProf,
    ...(phases && { nodeFlags: `--import ${path.join(HERE, 'phases.mjs')}` }),
  });
  delete process.env.BENCH_PHASES_FILE; // (the base build and the raw server run without it)
  const baseApi = base
    ? await startApi(databaseUrl, { probe: false, entry: base, nodeFlags: baseFlags })
    : undefined;
  const raw = await startRaw(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const token = await login(api);
    const found = await findValues(api, client, token);

    const rawCall = (name: string): Call | undefined => {
      const index = REQUESTS.findIndex((r) => r.name === name);
      if (index < 0) return undefined;
      const body = JSON.stringify(REQUESTS[index]!.params(found));
      return async () => {
        const res = await fetch(`${raw.url}/${index}`, { method: 'POST', body });
        return res.text();
      };
    };
    /** A bench read (requests.ts) against one API; `label` groups it in --phases. */
    const benchCall = (url: string, r: (typeof REQUESTS)[number], label?: string): Call =>
      graphql(
        url,
        { query: r.document, variables: r.variables(found), operationName: r.operationName },
        r.auth ? token : undefined,
        label,
      );
    /** The probe's requests against one API: name, call. */
    const requestsTo = (url: string): Array<[string, Call]> => {
      const fromRequests = (name: string): [string, Call] => [
        name,
        benchCall(
          url,
          REQUESTS.find((q) => q.name === name)!,
          name,
        ),
      ];
      return [
        ['anonymous { __typename }', graphql(url, { query: '{ __typename }' }, undefined, 'anon')],
        ['signed-in { __typename }', graphql(url, { query: '{ __typename }' }, token, 'signed-in')],
        fromRequests('Case'),
        fromRequests('cases (first 25)'),
        fromRequests('auditEntriesPage'),
        ['{ me { email } }', graphql(url, { query: '{ me { email } }' }, token, 'me')],
      ];
    };
    /** --mix: the bench's other reads against one API (GraphQL) or the raw server (SQL). */
    const noiseTo = (url: string | null, measured: string): Call[] =>
      mix
        ? REQUESTS.filter((r) => r.name !== measured && !r.informational).map((r) =>
            url === null ? rawCall(r.name)! : benchCall(url, r),
          )
        : [];
    const apis = [{ label: 'API', api, calls: requestsTo(api.url) }];
    if (baseApi) apis.push({ label: 'base', api: baseApi, calls: requestsTo(baseApi.url) });
    const rows: string[] = [];
    for (const [i, [name]] of apis[0]!.calls.entries()) {
      if (only && !new RegExp(only).test(name)) continue;
      const rawC = rawCall(name);
      const sides = [
        ...apis.map((a) => ({
          label: a.label,
          call: a.calls[i]![1],
          cpu: a.api.cpuMs,
          noise: noiseTo(a.api.url, name),
        })),
        ...(rawC
          ? [
              {
                label: 'raw',
                call: rawC,
                cpu: () => cpuMsOf(raw.child.pid!),
                noise: noiseTo(null, name),
              },
            ]
          : []),
      ];
      for (let w = 0; w < WARMUP; w++) for (const side of sides) await side.call();
      const times = sides.map(() => [] as number[]);
      const cpuBefore = sides.map((side) => side.cpu?.() ?? 0);
      // (with --mix the CPU per request includes the other reads' share: compare p50s then)
      for (let n = 0; n < N; n++) {
        for (const [k, side] of sides.entries()) {
          for (const other of side.noise) await other().catch(() => '');
          const t = performance.now();
          await side.call();
          times[k]!.push(performance.now() - t);
        }
      }
      const p50 = times.map((t) => percentile(t, 50));
      const rawP50 = rawC ? p50.at(-1)! : NaN;
      const parts = sides.map((side, k) => {
        const cpu = side.cpu
          ? `, CPU ${(((side.cpu() - cpuBefore[k]!) / N) * 1000).toFixed(0)} µs/req`
          : '';
        const ratio = rawC && side.label !== 'raw' ? ` ${(p50[k]! / rawP50).toFixed(2)}×` : '';
        return `${side.label} p50 ${p50[k]!.toFixed(3)} p90 ${percentile(times[k]!, 90).toFixed(3)} ms${cpu}${ratio}`;
      });
      rows.push(`${name.padEnd(26)} ${parts.join(' | ')}`);
      log(rows.at(-1)!);
    }
    console.log(rows.join('\n'));
  } finally {
    await client.end();
    raw.child.kill('SIGTERM');
    await api.stop();
    await baseApi?.stop();
    if (phasesFile && phasesDir) {
      // (written when the API exits; a killed API leaves none)
      if (existsSync(phasesFile))
        printPhases(JSON.parse(readFileSync(phasesFile, 'utf8')) as PhaseRecords);
      else log('the API wrote no phases (it did not exit cleanly)');
      rmSync(phasesDir, { recursive: true, force: true });
    }
  }
}

/** label → [pre, db, post, statements] per request, as phases.mjs writes them. */
type PhaseRecords = Record<string, Array<[number, number, number, number]>>;

/** Medians of the measured requests (the last N of each label: the warm-up came first). */
function printPhases(records: PhaseRecords) {
  const lines = ['server-side phases of the API (p50 ms over the measured requests):'];
  for (const [label, all] of Object.entries(records)) {
    const measured = all.slice(-N);
    const p50 = (k: number) =>
      percentile(
        measured.map((r) => r[k]!),
        50,
      ).toFixed(3);
    const total = percentile(
      measured.map((r) => r[0] + r[1] + r[2]),
      50,
    ).toFixed(3);
    lines.push(
      `${decodeURIComponent(label).padEnd(26)} pre ${p50(0)} | statements ${p50(1)} | post ${p50(2)} | total ${total} (${p50(3)} statements)`,
    );
  }
  console.log(lines.join('\n'));
}

await main();
