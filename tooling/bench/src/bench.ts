// pnpm bench [--quick] — issue 9's benchmark (and issue 12's search latency).
//
// In a throwaway database on the machine's PostgreSQL (DATABASE_URL, or the embedded default):
// migrate, load the seed, start the API as `pnpm start` does, and measure every contract read and
// the first page of every list against the same answer from one hand-written SQL statement on a
// bare node:http server, interleaved request by request; then build the scaled dataset with
// generate_series, restart the API and measure again; then search latency, and a 100k-row rate
// CSV import and a 100k-row annex import with the API's event-loop delay sampled during each.
// Prints one Markdown table and writes docs/benchmarks.md.
import { type ChildProcess, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPrismaClient } from '@gazette/db';
import { openDatabase } from '@gazette/db/embedded-default';
import { applyMigrations } from '@gazette/db/migrate';
import { seedDatabase } from '@gazette/db/seed';
import {
  type BenchRequest,
  type Found,
  NEXT_OPERATIONS,
  REQUESTS,
  recallQueries,
} from './requests.ts';
import {
  buildScaledData,
  fillFirstPages,
  FIRST_PAGE_ROWS,
  FULL_SCALE,
  QUICK_SCALE,
  vacuumSettled,
} from './scale.ts';
import { type Api, findValues, gql, login, sleep, startApi, startRaw } from './api-process.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const quick = process.argv.includes('--quick');
const noWrite = process.argv.includes('--no-write');
// Measurement loops while working on the API (never for docs/benchmarks.md): --seed-only stops
// after the seed-size requests; --only=<regexp> measures only the requests whose name matches;
// --no-imports leaves the imports out.
const seedOnly = process.argv.includes('--seed-only');
const noImports = process.argv.includes('--no-imports');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const ITERATIONS = quick ? 8 : 40;
// Warm-up per request before it is measured: a server answers the same shapes all day, so p50 is
// measured on warmed code (V8 optimises a function after it has run hot); the first calls after a
// start are reported on their own (coldP50) and the startup row covers a cold process.
const WARMUP_MS = quick ? 300 : 1500;
const WARMUP_MAX_CALLS = quick ? 100 : 400;
const COLD_CALLS = 5;
const THROUGHPUT_MS = quick ? 400 : 2000;
const CONCURRENCY = 16;
const SAMPLE_BUDGET_MS = quick ? 5_000 : 30_000;
const IMPORT_ROWS = quick ? 10_000 : 100_000;
const SCALE = quick ? QUICK_SCALE : FULL_SCALE;

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

// ------------------------------------------------------------------ small helpers

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (n: number) =>
  Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)) : '—';
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

// ------------------------------------------------------------------ the API's probe

interface ProbeStats {
  statements: number;
  pgCopies: number;
  rss: number;
  rssPeak: number;
  heapTotalAtPeak: number;
  heapUsedAtPeak: number;
  externalAtPeak: number;
  eventLoopDelay: { p50: number; p99: number; max: number };
}
const probe = async (api: Api, reset = false): Promise<ProbeStats> =>
  (await (
    await fetch(`${api.probe}/${reset ? 'reset' : 'stats'}`, { method: reset ? 'POST' : 'GET' })
  ).json()) as ProbeStats;

// ------------------------------------------------------------------ requests

type Caller = () => Promise<string>;

function apiCaller(api: Api, r: BenchRequest, found: Found, token: string): Caller {
  const body = JSON.stringify({
    query: r.document,
    variables: r.variables(found),
    operationName: r.operationName,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (r.auth) headers.authorization = `Bearer ${token}`;
  return async () => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body });
    return res.text();
  };
}

function rawCaller(rawUrl: string, index: number, r: BenchRequest, found: Found): Caller {
  const body = JSON.stringify(r.params(found));
  return async () => {
    const res = await fetch(`${rawUrl}/${index}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`raw ${r.name}: ${text}`);
    return text;
  };
}

async function timed(call: Caller): Promise<number> {
  const t = performance.now();
  await call();
  return performance.now() - t;
}

async function throughput(call: Caller, durationMs: number): Promise<number> {
  let done = 0;
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await call();
        done++;
      }
    }),
  );
  return (done / (performance.now() - started)) * 1000;
}

interface Measured {
  name: string;
  kind: string;
  apiP50: number;
  apiP95: number;
  rawP50: number;
  rawP95: number;
  apiRps: number;
  rawRps: number;
  statements: number;
  bytes: number;
  rssPeak: number;
  /** p50 of the API's first calls (the answer check and the first warm-up calls): cold code. */
  coldP50: number;
  informational?: string;
  error?: string;
}

/** One API and its raw server over one database (the seed's, or the scaled one). */
interface Target {
  api: Api;
  rawUrl: string;
  found: Found;
  token: string;
  /** The target's database (NOTIFY gazette_private for the `forget` requests). */
  db: pg.Client;
}

/** How long the API is given to hear a NOTIFY before the next call (untimed). */
const FORGET_SETTLE_MS = 3;

/**
 * Every request against every target, interleaved call by call: within each round a request is
 * called on each target's API and raw server in turn, so seed and scale are measured at the same
 * moments and a machine that slows down or speeds up (a shared host) moves both alike.
 */
async function measure(targets: Target[]): Promise<Measured[][]> {
  const rows = REQUESTS.map((r, i) => ({ r, i }))
    .filter(({ r }) => !only || new RegExp(only).test(r.name))
    .flatMap(({ r, i }) =>
      targets.map((target, t) => ({
        r,
        t,
        target: target.api,
        api: apiCaller(target.api, r, target.found, target.token),
        raw: rawCaller(target.rawUrl, i, r, target.found),
        // Before each API call of a `forget` request (untimed): its personal answers forgotten.
        forget: r.forget
          ? async () => {
              await target.db.query('NOTIFY gazette_private');
              await sleep(FORGET_SETTLE_MS);
            }
          : async () => {},
        apiTimes: [] as number[],
        rawTimes: [] as number[],
        statements: 0,
        bytes: 0,
        error: undefined as string | undefined,
        firstMs: 0,
        coldTimes: [] as number[],
      })),
    );
  // Check each answer once, and count its statements alone (nothing else runs meanwhile).
  for (const row of rows) {
    await row.forget();
    const before = (await probe(row.target)).statements;
    const t = performance.now();
    const text = await row.api();
    row.firstMs = performance.now() - t;
    row.statements = (await probe(row.target)).statements - before;
    row.bytes = text.length;
    const body = JSON.parse(text) as { errors?: Array<{ message: string }> };
    if (body.errors?.length)
      row.error = body.errors
        .map((e) => e.message)
        .join('; ')
        .slice(0, 120);
    // A `forget` request must run, not be answered from what the API kept.
    else if (row.r.forget && row.statements === 0)
      row.error = 'answered without SQL after NOTIFY gazette_private: not measured afresh';
    await row.raw();
  }
  // Warm-up, request by request: until WARMUP_MS is spent or WARMUP_MAX_CALLS calls of each side
  // are made (a request slower than a second: one call). The API's first calls are kept (cold).
  for (const row of rows) {
    const cold = [row.firstMs];
    const until = performance.now() + WARMUP_MS;
    for (let i = 0; i < WARMUP_MAX_CALLS; i++) {
      if (i > 0 && (row.firstMs > 1000 || performance.now() > until)) break;
      await row.forget();
      const t = await timed(() => row.api().catch(() => ''));
      if (cold.length < COLD_CALLS) cold.push(t);
      await row.raw().catch(() => '');
    }
    row.coldTimes = cold;
  }
  const spent = (row: { apiTimes: number[]; rawTimes: number[] }) =>
    [...row.apiTimes, ...row.rawTimes].reduce((a, b) => a + b, 0);
  // Interleaved request by request; which side goes first alternates (API or raw, every round),
  // and so does which size goes first (seed or scale, every other round): a position in the
  // round that runs faster or slower favours neither side nor size.
  const scaleFirst: typeof rows = [];
  for (let g = 0; g < rows.length; g += targets.length)
    scaleFirst.push(...rows.slice(g, g + targets.length).reverse());
  // The `forget` requests last, in a loop of their own: their NOTIFY would otherwise make every
  // other signed-in read of cases or the log run afresh too.
  for (const forgetting of [false, true]) {
    const orders = [rows, scaleFirst].map((o) => o.filter((row) => !!row.r.forget === forgetting));
    for (let i = 0; i < ITERATIONS; i++) {
      for (const row of orders[Math.floor(i / 2) % 2]!) {
        if (row.apiTimes.length >= 5 && spent(row) > SAMPLE_BUDGET_MS) continue;
        if (i % 2 === 0) {
          await row.forget();
          row.apiTimes.push(await timed(row.api));
          row.rawTimes.push(await timed(row.raw));
        } else {
          row.rawTimes.push(await timed(row.raw));
          await row.forget();
          row.apiTimes.push(await timed(row.api));
        }
      }
    }
  }
  const out: Measured[][] = targets.map(() => []);
  for (const row of rows) {
    await probe(row.target, true);
    // Concurrent calls would answer each other from what the first one kept: no c16 figure.
    const apiRps = row.r.forget ? Number.NaN : await throughput(row.api, THROUGHPUT_MS);
    const { rssPeak, heapTotalAtPeak, heapUsedAtPeak, externalAtPeak } = await probe(row.target);
    log(
      `${row.r.name}: c16 ${Math.round(apiRps)} req/s, RSS peak ${mb(rssPeak)} (V8 heap ${mb(heapTotalAtPeak)}, ${mb(heapUsedAtPeak)} used; external ${mb(externalAtPeak)})`,
    );
    const rawRps = row.r.forget ? Number.NaN : await throughput(row.raw, THROUGHPUT_MS);
    out[row.t]!.push({
      name: row.r.name,
      kind: row.r.kind,
      apiP50: percentile(row.apiTimes, 50),
      apiP95: percentile(row.apiTimes, 95),
      rawP50: percentile(row.rawTimes, 50),
      rawP95: percentile(row.rawTimes, 95),
      apiRps,
      rawRps,
      statements: row.statements,
      bytes: row.bytes,
      rssPeak,
      coldP50: percentile(row.coldTimes, 50),
      informational: row.r.informational,
      error: row.error,
    });
    log(
      `${targets.length > 1 ? (row.t === 0 ? '[seed] ' : '[scale] ') : ''}${row.r.name}: API p50 ${ms(percentile(row.apiTimes, 50))} ms (first calls ${ms(percentile(row.coldTimes, 50))} ms), raw ${ms(percentile(row.rawTimes, 50))} ms, ${row.statements} statements`,
    );
  }
  return out;
}

async function searchLatency(
  api: Api,
): Promise<{ p50: number; p95: number; queries: number; iterations: number }> {
  const queries = recallQueries();
  const times: number[] = [];
  const iterations = quick ? 3 : 10;
  for (const q of queries) await gql(api, NEXT_OPERATIONS, { q, first: 10 }, undefined, 'Search');
  for (let i = 0; i < iterations; i++) {
    for (const q of queries) {
      const t = performance.now();
      await gql(api, NEXT_OPERATIONS, { q, first: 10 }, undefined, 'Search');
      times.push(performance.now() - t);
    }
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    queries: queries.length,
    iterations,
  };
}

// ------------------------------------------------------------------ imports

interface ImportResult {
  name: string;
  rows: number;
  bytes?: number;
  seconds: number;
  ok: boolean;
  error?: string;
  rssBefore: number;
  rssPeak: number;
  loopP99: number;
  loopMax: number;
  healthP99: number;
  healthMax: number;
}

/** Runs an import while /healthz is polled every 20 ms; the probe gives event-loop delay and RSS. */
async function duringImport(
  api: Api,
  name: string,
  rows: number,
  bytes: number,
  run: () => Promise<{ ok: boolean; error?: string }>,
): Promise<ImportResult> {
  const { rss: rssBefore } = await probe(api, true);
  const health: number[] = [];
  let running = true;
  const poller = (async () => {
    while (running) {
      const t = performance.now();
      await fetch(`${api.url}/healthz`)
        .then((r) => r.text())
        .catch(() => '');
      health.push(performance.now() - t);
      await sleep(20);
    }
  })();
  const t = performance.now();
  const result = await run().catch((e: Error) => ({ ok: false, error: e.message }));
  const seconds = (performance.now() - t) / 1000;
  running = false;
  await poller;
  const stats = await probe(api);
  return {
    name,
    rows,
    bytes,
    seconds,
    ...result,
    rssBefore,
    rssPeak: stats.rssPeak,
    loopP99: stats.eventLoopDelay.p99,
    loopMax: stats.eventLoopDelay.max,
    healthP99: percentile(health, 99),
    healthMax: Math.max(...health),
  };
}

const errorOf = (body: { errors?: Array<{ message: string; extensions?: { code?: string } }> }) =>
  body.errors?.length
    ? body.errors
        .map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim())
        .join('; ')
        .slice(0, 160)
    : undefined;

/** CSV records (a quoted cell may hold newlines), without the BOM and the trailing newline. */
function csvRecords(csv: string): string[] {
  const records: string[] = [];
  let quoted = false;
  let start = 0;
  const text = csv.replace(/^\uFEFF/, '').trimEnd();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      records.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  records.push(text.slice(start));
  return records;
}

/** An import that cannot even be prepared is reported as failed; it never loses the run. */
async function safely(
  name: string,
  rows: number,
  run: () => Promise<ImportResult>,
): Promise<ImportResult> {
  try {
    return await run();
  } catch (error) {
    return {
      name,
      rows,
      seconds: 0,
      ok: false,
      error: (error as Error).message.slice(0, 160),
      rssBefore: 0,
      rssPeak: 0,
      loopP99: NaN,
      loopMax: NaN,
      healthP99: NaN,
      healthMax: NaN,
    };
  }
}

type ImportVia = 'multipart' | 'stream';
const VIA_LABEL: Record<ImportVia, string> = {
  multipart: 'GraphQL multipart upload',
  stream: 'streamed POST /imports/…',
};

async function rateImport(
  api: Api,
  token: string,
  rows: number,
  via: ImportVia,
): Promise<ImportResult> {
  const tables = (
    await gql(api, `query { rateTable(key: "medical-service-prices") { id } }`, {}, token)
  ).json();
  const tableId = tables.data?.rateTable?.id as string;
  if (!tableId) throw new Error(`cannot read the medical table: ${JSON.stringify(tables.errors)}`);
  // The export's columns (code,grade,name,unit,amount,rate,baseKey,attributes), one new item per row.
  const grades = ['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B'];
  const out: string[] = ['code,grade,name,unit,amount,rate,baseKey,attributes'];
  for (let i = 0; out.length <= rows; i++) {
    out.push(
      `9${String(Math.floor(i / 4)).padStart(8, '0')},${grades[i % 4]},基准测试项目${Math.floor(i / 4)},次,${100 + (i % 900)},,,`,
    );
  }
  const text = `${out.join('\n')}\n`;
  // A draft to import into (the multipart mutation replaces a version's entries), made before the
  // measurement starts.
  const draft = (
    await gql(
      api,
      `mutation($input: RateTableVersionInput!) { createRateTableVersion(input: $input) { id version } }`,
      { input: { tableId, effectiveFrom: '2030-01-01', label: 'bench import' } },
      token,
    )
  ).json();
  const created = draft.data?.createRateTableVersion as { id: string; version: number } | undefined;
  if (!created) throw new Error(`cannot create a draft version: ${errorOf(draft)}`);
  return duringImport(
    api,
    `rate CSV import (${rows.toLocaleString('en')} rows, ${mb(Buffer.byteLength(text))}, ${VIA_LABEL[via]})`,
    rows,
    Buffer.byteLength(text),
    () =>
      via === 'stream'
        ? streamFile(
            api,
            token,
            `/imports/rate-table-versions/${encodeURIComponent(created.id)}.csv?version=${created.version}`,
            text,
          )
        : uploadFile(
            api,
            token,
            `mutation($id: ID!, $v: Int!, $f: File!) { importRateTableVersionCsvFile(id: $id, version: $v, file: $f) { id } }`,
            { id: created.id, v: created.version },
            text,
            'rates.csv',
          ),
  );
}

/** A GraphQL multipart request (operations, map, then the file as variable `f`). */
async function uploadFile(
  api: Api,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  text: string,
  filename: string,
): Promise<{ ok: boolean; error?: string }> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([text], { type: 'text/csv' }), filename);
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
    body: form,
  });
  return importAnswer(res);
}

/** The file as the request body of the streaming import endpoint (apps/api/src/http/imports.ts). */
async function streamFile(
  api: Api,
  token: string,
  pathAndQuery: string,
  text: string,
): Promise<{ ok: boolean; error?: string }> {
  const res = await fetch(`${api.url}${pathAndQuery}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: text,
  });
  return importAnswer(res);
}

/** A GraphQL answer ({ errors }) or the import endpoint's ({ error }): ok, or why not. */
async function importAnswer(res: Response): Promise<{ ok: boolean; error?: string }> {
  const raw = await res.text();
  let parsed: { errors?: Array<{ message: string }>; error?: { message: string } };
  try {
    parsed = JSON.parse(raw) as typeof parsed;
  } catch {
    return { ok: false, error: `HTTP ${res.status}: ${raw.slice(0, 120)}` };
  }
  return {
    ok: res.ok && !parsed.errors?.length && !parsed.error,
    error: errorOf(parsed) ?? parsed.error?.message ?? (res.ok ? undefined : `HTTP ${res.status}`),
  };
}

/** A 100k-row annex 1 CSV modelled on a plain row of the seed's 2024Q4 export. */
async function annexFile(api: Api, token: string, rows: number): Promise<string> {
  const file = (
    await gql(
      api,
      `query { inspectionAnnexFile(annex: WEBSITE, format: CSV, quarter: "2024Q4") { content } }`,
      {},
      token,
    )
  ).json();
  const csv = file.data?.inspectionAnnexFile?.content as string | undefined;
  if (!csv) throw new Error(`cannot export annex 1: ${JSON.stringify(file.errors)}`);
  const lines = csvRecords(csv);
  const header = lines[0]!;
  // A one-line record of the export (序号,检查网站,存在问题,是否整改完成,所属单位) as the model.
  const model = lines
    .slice(1)
    .find((l) => /^\d+,/.test(l) && !l.includes('"'))
    ?.split(',');
  if (!model || model.length < 5)
    throw new Error(`no plain row in the annex export: ${csv.slice(0, 200)}`);
  // 序号 stops at 9999, so each site lists several problems (one finding each, one per line of
  // the 存在问题 cell, as the printed annex does).
  const perSite = Math.ceil(rows / 9999);
  const out: string[] = [header];
  for (let site = 1, left = rows; left > 0; site++) {
    const n = Math.min(perSite, left);
    left -= n;
    const problems = Array.from({ length: n }, (_, k) => `${model[2]}(${site}-${k + 1})`).join(
      '\n',
    );
    out.push(`${site},${model[1]},"${problems}",${model[3]},${model.slice(4).join(',')}`);
  }
  return `\uFEFF${out.join('\n')}\n`;
}

/** The generated annex files by row count. */
const annexFiles = new Map<number, string>();

/** The quarters the annex imports write into: new ones, as each quarter's annex arrives. */
const ANNEX_QUARTERS = { multipart: '2025Q1', stream: '2025Q2' } as const;

/** The round of `quarter` (created, with no findings, when it does not exist yet): its version. */
async function roundVersion(api: Api, token: string, quarter: string): Promise<number> {
  const found = (
    await gql(
      api,
      `query($q: String!) { inspectionRound(quarter: $q) { version } }`,
      { q: quarter },
      token,
    )
  ).json();
  const version = found.data?.inspectionRound?.version as number | undefined;
  if (version !== undefined) return version;
  const created = (
    await gql(
      api,
      `mutation($input: InspectionRoundInput!) { createInspectionRound(input: $input) { version } }`,
      {
        input: {
          quarter,
          windowStart: '2025-01-01',
          windowEnd: '2025-01-31',
          cityPortalsChecked: 1,
          districtPortalsChecked: 7,
          departmentSitesChecked: 60,
          newMediaAccountsChecked: 300,
          messagesReceived: 0,
          messagesClosed: 0,
        },
      },
      token,
    )
  ).json();
  const v = created.data?.createInspectionRound?.version as number | undefined;
  if (v === undefined)
    throw new Error(`cannot create round ${quarter}: ${JSON.stringify(created.errors)}`);
  return v;
}

/**
 * An annex 1 import of `rows` rows into a new quarter (one per transport, so both write into an
 * empty round); `replace`: the same file again into the stream's quarter, replacing its rows.
 */
async function annexImport(
  api: Api,
  token: string,
  rows: number,
  via: ImportVia,
  replace = false,
): Promise<ImportResult> {
  const quarter = ANNEX_QUARTERS[via];
  const version = await roundVersion(api, token, quarter);
  const text = annexFiles.get(rows) ?? (await annexFile(api, token, rows));
  annexFiles.set(rows, text);
  const what = replace
    ? `annex 1 re-import replacing ${rows.toLocaleString('en')} rows`
    : `annex 1 import`;
  return duringImport(
    api,
    `${what} (${rows.toLocaleString('en')} rows, ${mb(Buffer.byteLength(text))}, ${VIA_LABEL[via]})`,
    rows,
    Buffer.byteLength(text),
    () =>
      via === 'stream'
        ? streamFile(
            api,
            token,
            `/imports/inspection-annexes/${quarter}/WEBSITE.csv?version=${version}`,
            text,
          )
        : uploadFile(
            api,
            token,
            `mutation($q: String!, $v: Int!, $f: File) { importInspectionAnnexes(quarter: $q, version: $v, annexes: { website: { format: CSV, file: $f } }) { version } }`,
            { q: quarter, v: version },
            text,
            'annex1.csv',
          ),
  );
}

// ------------------------------------------------------------------ the dashboard's first load

interface DashboardSize {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
  allJs: number;
  chunks: number;
}

/**
 * What a cold visit to the login page downloads: index.html's script and its preloads. That this
 * is all it loads until the form is interactive (no dynamic import at start-up) is checked in a
 * browser by apps/admin/e2e/sign-in.test.ts, which also reports the time to interactive.
 */
function dashboardSize(): DashboardSize | null {
  const dist = path.join(ROOT, 'apps/admin/dist');
  if (!existsSync(path.join(dist, 'index.html'))) return null;
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) =>
    path.join(dist, m[1]!),
  );
  const sized = (file: string, ext: string, compress: (b: Buffer) => Buffer) =>
    existsSync(file + ext) ? statSync(file + ext).size : compress(readFileSync(file)).length;
  const js = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    files: initial.length,
    raw: initial.reduce((n, f) => n + statSync(f).size, 0),
    gzip: initial.reduce((n, f) => n + sized(f, '.gz', (b) => gzipSync(b, { level: 9 })), 0),
    brotli: initial.reduce((n, f) => n + sized(f, '.br', (b) => brotliCompressSync(b)), 0),
    allJs: js.reduce((n, f) => n + statSync(path.join(dist, 'assets', f)).size, 0),
    chunks: js.length,
  };
}

// ------------------------------------------------------------------ the run

async function machine(client: pg.Client) {
  const cpus = os.cpus();
  const pgVersion = (await client.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(
    ' on ',
  )[0]!;
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    node: process.version,
    postgres: pgVersion,
    load: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / '),
  };
}

async function main() {
  const startedAt = new Date();
  const db = await openDatabase({ env: process.env, log });
  const adminUrl = new URL(db.url);
  const name = `gazette_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const benchUrl = new URL(adminUrl);
  benchUrl.pathname = `/${name}`;
  const url = benchUrl.toString();
  const scaleName = `${name}_scale`;
  const scaleBenchUrl = new URL(adminUrl);
  scaleBenchUrl.pathname = `/${scaleName}`;
  const scaleUrl = scaleBenchUrl.toString();
  log(`throwaway databases ${name} (seed) and ${scaleName} (scaled)`);
  const apis: Api[] = [];
  const raws: Array<{ url: string; child: ChildProcess }> = [];
  const client = new pg.Client({ connectionString: url });
  const scaleClient = new pg.Client({ connectionString: scaleUrl });
  try {
    let t = performance.now();
    await applyMigrations(url, {});
    const migrateMs = performance.now() - t;
    t = performance.now();
    const seedInto = async (databaseUrl: string) => {
      const prisma = createPrismaClient(databaseUrl);
      await seedDatabase(prisma);
      await prisma.$disconnect();
      // The same full first page of the signed-in lists in both databases (fillFirstPages).
      const filler = new pg.Client({ connectionString: databaseUrl });
      await filler.connect();
      try {
        await fillFirstPages(filler);
      } finally {
        await filler.end();
      }
    };
    await seedInto(url);
    const seedMs = performance.now() - t;
    log(`migrated in ${ms(migrateMs)} ms, seeded in ${ms(seedMs)} ms`);
    await client.connect();
    const env = await machine(client);

    // The scaled database: the same seed, then the history (before any API starts).
    let counts: Record<string, number> = {};
    let scaleMs = 0;
    if (!seedOnly) {
      await admin.query(`CREATE DATABASE ${scaleName}`);
      await applyMigrations(scaleUrl, {});
      await seedInto(scaleUrl);
      await scaleClient.connect();
      t = performance.now();
      counts = await buildScaledData(scaleClient, SCALE);
      scaleMs = performance.now() - t;
      log(`scaled data in ${ms(scaleMs)} ms: ${JSON.stringify(counts)}`);
    }

    // What `pnpm start` runs: the API's build first when it has one (it then starts built JavaScript).
    const apiScripts = (
      JSON.parse(readFileSync(path.join(ROOT, 'apps/api/package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    if (apiScripts.build) {
      const built = spawnSync('pnpm', ['--filter', '@gazette/api', 'build'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (built.status !== 0) throw new Error('pnpm --filter @gazette/api build failed');
    }
    // The dashboard as `pnpm start` serves it, so the report's delivery section measures this
    // commit's build (a run that writes no report measures whatever apps/admin/dist holds).
    if (!noWrite) {
      const started = performance.now();
      const built = spawnSync('pnpm', ['--filter', '@gazette/admin', 'build'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (built.status !== 0) throw new Error('pnpm --filter @gazette/admin build failed');
      log(`dashboard built in ${ms(performance.now() - started)} ms`);
    }
    // Each API started alone (startup and idle RSS measured with nothing else running), then
    // both kept running, each with its raw server.
    const startTarget = async (databaseUrl: string, dbClient: pg.Client) => {
      const api = await startApi(databaseUrl);
      apis.push(api);
      const startupMs = api.startupMs;
      const idle = (await probe(api)).rss;
      log(
        `API ready in ${ms(startupMs)} ms, idle RSS ${mb(idle)} (pg copies patched: ${(await probe(api)).pgCopies})`,
      );
      const token = await login(api);
      const found = await findValues(api, dbClient, token);
      const raw = await startRaw(databaseUrl);
      raws.push(raw);
      return { target: { api, rawUrl: raw.url, found, token, db: dbClient }, startupMs, idle };
    };
    const seedSide = await startTarget(url, client);
    const startupSeed = seedSide.startupMs;
    const idleRss = seedSide.idle;
    if (seedOnly) {
      log('seed size');
      await measure([seedSide.target]);
      log(`idle RSS ${mb(idleRss)}; --seed-only: stopping here`);
      return;
    }
    const scaleSide = await startTarget(scaleUrl, scaleClient);
    const startupScale = scaleSide.startupMs;
    const idleRssScale = scaleSide.idle;

    log('seed and scale, interleaved');
    const [seed, scaled] = (await measure([seedSide.target, scaleSide.target])) as [
      Measured[],
      Measured[],
    ];
    const searchSeed = await searchLatency(seedSide.target.api);
    const searchScale = await searchLatency(scaleSide.target.api);
    // The imports run on the scaled database alone.
    await seedSide.target.api.stop();
    const api = scaleSide.target.api;
    const token = scaleSide.target.token;

    log('imports');
    // Each at the issue's size; when that is refused for its size, also at the largest size the
    // body limit lets through, so the import itself is still measured.
    const imports: ImportResult[] = [];
    for (const [label, run] of [
      ['rate CSV import', (n: number) => rateImport(api, token, n, 'multipart')],
      ['rate CSV import', (n: number) => rateImport(api, token, n, 'stream')],
      ['annex 1 import', (n: number) => annexImport(api, token, n, 'multipart')],
      ['annex 1 import', (n: number) => annexImport(api, token, n, 'stream')],
      ['annex 1 re-import', (n: number) => annexImport(api, token, n, 'stream', true)],
    ] as const) {
      if (noImports) break;
      // The previous import's rows would set autovacuum off at some point of the next minute
      // (autovacuum_naptime), taking one of the two cores from whichever import runs then: each
      // import starts from a vacuumed database with no worker running, as the requests do.
      const waited = await vacuumSettled(scaleClient);
      if (waited >= 1) log(`waited ${waited.toFixed(0)} s for autovacuum before ${label}`);
      const full = await safely(label, IMPORT_ROWS, () => run(IMPORT_ROWS));
      imports.push(full);
      if (!full.ok && /PAYLOAD_TOO_LARGE|too large|过大/i.test(full.error ?? '') && full.bytes) {
        const fits = Math.floor((IMPORT_ROWS * 1.9 * 1048576) / full.bytes / 1000) * 1000;
        if (fits > 0) imports.push(await safely(label, fits, () => run(fits)));
      }
    }
    for (const i of imports)
      log(`${i.name}: ${i.ok ? 'ok' : `failed: ${i.error}`} in ${i.seconds.toFixed(1)} s`);

    const report = render({
      startedAt,
      env,
      counts,
      scaleMs,
      migrateMs,
      seedMs,
      startupSeed,
      startupScale,
      idleRss,
      idleRssScale,
      seed,
      scaled,
      searchSeed,
      searchScale,
      imports,
      dashboard: dashboardSize(),
    });
    process.stdout.write(`${report}\n`);
    if (!noWrite) {
      const file = path.join(ROOT, 'docs/benchmarks.md');
      writeFileSync(file, report);
      log(`wrote ${path.relative(ROOT, file)}`);
    }
  } finally {
    for (const api of apis) await api.stop().catch(() => undefined);
    for (const raw of raws) raw.child.kill('SIGTERM');
    await client.end().catch(() => undefined);
    await scaleClient.end().catch(() => undefined);
    await sleep(300);
    for (const db of [name, scaleName])
      await admin
        .query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
        .catch((e: Error) => log(`could not drop ${db}: ${e.message}`));
    await admin.end();
    await db.close();
  }
}

// ------------------------------------------------------------------ the report

interface ReportInput {
  startedAt: Date;
  env: Awaited<ReturnType<typeof machine>>;
  counts: Record<string, number>;
  scaleMs: number;
  migrateMs: number;
  seedMs: number;
  startupSeed: number;
  startupScale: number;
  idleRss: number;
  idleRssScale: number;
  seed: Measured[];
  scaled: Measured[];
  searchSeed: { p50: number; p95: number; queries: number; iterations: number };
  searchScale: { p50: number; p95: number; queries: number; iterations: number };
  imports: ImportResult[];
  dashboard: DashboardSize | null;
}

const mark = (ok: boolean) => (ok ? '✅' : '❌');
/** API / raw throughput at c16, or a dash where none was measured (`forget` requests). */
const rps = (m: Measured) =>
  Number.isNaN(m.apiRps) ? '—' : `${Math.round(m.apiRps)} / ${Math.round(m.rawRps)}`;

function render(r: ReportInput): string {
  const L: string[] = [];
  const cachesOff = ['GAZETTE_RESPONSE_CACHE', 'GAZETTE_PERSONAL_CACHE'].filter(
    (k) => process.env[k] === 'off',
  );
  L.push('# Benchmarks (issue 9)', '');
  L.push(
    `Generated by \`pnpm bench${quick ? ' --quick' : ''}\` on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` +
      `${quick ? " — **quick mode: smaller scale and fewer iterations; not the issue's figures**" : ''}.`,
    '',
    `Machine: ${r.env.cpu}, ${r.env.cores} cores, ${r.env.memory}; Node.js ${r.env.node}; PostgreSQL ${r.env.postgres}. ` +
      `Load average at the end of the run: ${r.env.load}.`,
    '',
    '> The host is shared (other virtual machines, sometimes other builds on the same two cores), so absolute times ' +
      'drift from run to run. The targets are ratios (API vs raw SQL, scale vs seed), all four measured in one interleaved loop, ' +
      'which keeps them fair.',
    '',
  );
  L.push(
    `Scaled dataset (built in ${(r.scaleMs / 1000).toFixed(1)} s with INSERT … SELECT generate_series): ` +
      Object.entries(r.counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', ') +
      `. Both databases also hold ${FIRST_PAGE_ROWS} cases and ${FIRST_PAGE_ROWS} audit entries before the history (the seed has 1 case and a couple of entries), ` +
      'so the first page of `cases` and `auditEntriesPage` is a full 25 rows at both sizes and scale vs seed compares the same answer over a longer history.',
    '',
  );
  L.push(
    `Per request: ${ITERATIONS} interleaved sequential calls on each size (API, raw, alternating which goes first; seed and scale side by side, alternating which goes first every other round) after each request's own warm-up (${WARMUP_MS / 1000} s or ${WARMUP_MAX_CALLS} calls of each side, whichever comes first; a request slower than 1 s: one call), and at least 5 samples until ${SAMPLE_BUDGET_MS / 1000} s are spent on it; ` +
      `throughput with ${CONCURRENCY} concurrent clients for ${THROUGHPUT_MS / 1000} s each. "raw" is the same answer from one hand-written ` +
      'SQL statement (tooling/bench/src/requests.ts) served by a bare node:http server; statements are counted in the API process by wrapping ' +
      "`pg`'s Client#query (tooling/bench/src/probe.mjs), on each request's first call. Targets: scale p50 ≤ 1.3× seed p50, API/raw p50 ≤ 1.5× at both sizes, RSS under c16 ≤ 400 MB.",
    '',
    'A repeated read is answered as the API answers it in use: published reads from the response cache (per role, flushed by every write); ' +
      "a signed-in person's reads of cases and the audit log (`Case`, `cases`, `auditEntriesPage`) from the answers kept for that person " +
      '(flushed by every write to cases or the log, wherever it is made). The same three reads run afresh, as the first read after a write, ' +
      'are the rows "…, first read after a write" (not targets)' +
      (cachesOff.length
        ? `. **This run: ${cachesOff.map((k) => `${k}=off`).join(', ')}, nothing of that kind is kept.**`
        : '.'),
    '',
  );
  L.push(
    '| request | seed API p50 / p95 ms | seed raw p50 | seed API/raw | scale API p50 / p95 ms | scale raw p50 | scale API/raw | scale/seed | API / raw req/s (c16, scale) | statements seed → scale | API RSS peak c16 | targets |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const s of r.seed) {
    const b = r.scaled.find((x) => x.name === s.name)!;
    const seedRatio = s.apiP50 / s.rawP50;
    const scaleRatio = b.apiP50 / b.rawP50;
    const flat = b.apiP50 / s.apiP50;
    const ok =
      seedRatio <= 1.5 &&
      scaleRatio <= 1.5 &&
      flat <= 1.3 &&
      b.rssPeak <= 400 * 1048576 &&
      !s.error &&
      !b.error;
    if (s.informational && !s.error && !b.error) {
      L.push(
        `| ${s.name} | ${ms(s.apiP50)} / ${ms(s.apiP95)} | ${ms(s.rawP50)} | ${seedRatio.toFixed(1)}× | ${ms(b.apiP50)} / ${ms(b.apiP95)} | ${ms(b.rawP50)} | ${scaleRatio.toFixed(1)}× | ${flat.toFixed(1)}× | ${rps(b)} | ${s.statements} → ${b.statements} | ${mb(b.rssPeak)} | — ${s.informational} |`,
      );
      continue;
    }
    const why = [
      seedRatio > 1.5 ? 'API/raw seed' : '',
      scaleRatio > 1.5 ? 'API/raw scale' : '',
      flat > 1.3 ? 'not flat' : '',
      b.rssPeak > 400 * 1048576 ? 'RSS' : '',
      s.error || b.error ? `error: ${(s.error ?? b.error)!.replace(/\|/g, '/')}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    L.push(
      `| ${s.name} | ${ms(s.apiP50)} / ${ms(s.apiP95)} | ${ms(s.rawP50)} | ${seedRatio.toFixed(1)}× | ${ms(b.apiP50)} / ${ms(b.apiP95)} | ${ms(b.rawP50)} | ${scaleRatio.toFixed(1)}× | ${flat.toFixed(1)}× | ${rps(b)} | ${s.statements} → ${b.statements} | ${mb(b.rssPeak)} | ${mark(ok)}${why ? ` ${why}` : ''} |`,
    );
  }
  const searchOk = r.searchSeed.p50 <= 20;
  L.push(
    `| Search (issue 12 recall set, ${r.searchSeed.queries} queries × ${r.searchSeed.iterations}) | ${ms(r.searchSeed.p50)} / ${ms(r.searchSeed.p95)} | — | — | ${ms(r.searchScale.p50)} / ${ms(r.searchScale.p95)} | — | — | ${(r.searchScale.p50 / r.searchSeed.p50).toFixed(1)}× | — | — | — | ${mark(searchOk)} p50 ≤ 20 ms over the seed |`,
  );
  for (const i of r.imports) {
    const rssGrowth = i.rssPeak - i.rssBefore;
    const ok = i.ok && i.seconds <= 10 && rssGrowth <= 200 * 1048576 && i.loopP99 < 50;
    L.push(
      `| ${i.name} | ${i.ok ? `${i.seconds.toFixed(1)} s` : `refused after ${i.seconds.toFixed(1)} s: ${(i.error ?? '').replace(/\|/g, '/')}`} | — | — | event loop p99 ${ms(i.loopP99)} ms, max ${ms(i.loopMax)} ms | /healthz p99 ${ms(i.healthP99)} ms, max ${ms(i.healthMax)} ms | — | — | — | — | +${mb(Math.max(0, rssGrowth))} (peak ${mb(i.rssPeak)}) | ${mark(ok)} ≤ 10 s, ≤ +200 MB, loop p99 < 50 ms |`,
    );
  }
  L.push(
    `| API idle RSS (seed → scale) | ${mb(r.idleRss)} → ${mb(r.idleRssScale)} | | | | | | | | | | ${mark(r.idleRssScale <= 150 * 1048576)} ≤ 150 MB |`,
    `| startup to /readyz, migrated database (seed → scale) | ${ms(r.startupSeed)} → ${ms(r.startupScale)} ms | | | | | | | | | | ${mark(r.startupScale <= 3000)} ≤ 3 s |`,
    '',
  );
  L.push(
    `First calls after a start (p50 of each request's first ${COLD_CALLS} API calls on a freshly started API, before its warm-up; ` +
      'V8 has not optimised the code yet, so these are slower than the warmed p50 above; not a target, shown so cold behaviour is not hidden):',
    '',
    '| request | seed ms | scale ms |',
    '|---|---|---|',
    ...r.seed.map((s) => {
      const b = r.scaled.find((x) => x.name === s.name)!;
      return `| ${s.name} | ${ms(s.coldP50)} | ${ms(b.coldP50)} |`;
    }),
    '',
  );
  L.push(
    `Setup: migrations ${ms(r.migrateMs)} ms, seed (the gazette import) ${ms(r.seedMs)} ms. The API runs as \`apps/api\`'s start script ` +
      '(what `pnpm start` ends with, built JavaScript when apps/api has a build script) with NODE_ENV=production; ' +
      'the throwaway database is dropped at the end. `pnpm start` itself (tooling/start/start.mjs) adds only its ' +
      'input-hash checks, about 0.1–0.2 s, when nothing changed since the last start.',
    '',
    'How to read it: "raw" answers are built by PostgreSQL as JSON and sent as text, the floor for the same data; ' +
      "the calculators' raw side fetches the rows the answer needs and leaves out the arithmetic. Statements are " +
      'counted per request with nothing else running. Each import runs twice: through the GraphQL mutations ' +
      '(importRateTableVersionCsvFile into a new draft, and importInspectionAnnexes, each with a multipart file, which the server receives whole ' +
      'before parsing) and through the streaming endpoints the dashboard uses for one CSV file (POST /imports/rate-table-versions/<id>.csv and ' +
      '/imports/inspection-annexes/<quarter>/WEBSITE.csv, the body written to a temporary file as it arrives, then decoded, parsed and written). ' +
      "The two annex imports write into two new quarters (2025Q1, 2025Q2: empty rounds, as a new quarter's annex arrives); the re-import then sends " +
      `the same file to 2025Q2 again, replacing its ${IMPORT_ROWS.toLocaleString('en')} findings in the same transaction (a corrected annex). Event-loop delay is sampled ` +
      'inside the API (monitorEventLoopDelay, 5 ms resolution) and /healthz is polled every 20 ms from outside. ' +
      'Seed and scale are two databases (the same seed; the second with the scaled history added), each with its own API and raw server, ' +
      "measured in the same loop call by call (seed API, seed raw, scale API, scale raw for one request, then the next; the order of the two sizes and of API and raw alternates from round to round): the machine's " +
      "drift (a shared host) moves all four alike, so both scale/seed and API/raw are ratios of the same moments. RSS peak is the API's RSS at its highest during that request's c16 window (memory an earlier request took and did not return counts too).",
    '',
  );
  const d = r.dashboard;
  L.push(
    '## Dashboard delivery',
    '',
    d
      ? `Login page, cold cache: ${d.files} JavaScript files (index.html's script and preloads), ${Math.round(d.raw / 1024)} KB raw, ` +
          `**${Math.round(d.gzip / 1024)} KB gzip**, ${Math.round(d.brotli / 1024)} KB brotli (target ≤ 250 KB gzipped: ${mark(d.gzip <= 250 * 1024)}). ` +
          `The whole dashboard is ${d.chunks} JavaScript chunks, ${Math.round(d.allJs / 1024)} KB raw; pages load their chunk when first shown.`
      : 'apps/admin/dist is not built (a run with --no-write does not build it): run `pnpm --filter @gazette/admin build` to measure the dashboard.',
    '',
  );
  return L.join('\n');
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
