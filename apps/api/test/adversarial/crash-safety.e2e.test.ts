// Crash safety (hardening issue, "the suite"): the server is killed with SIGKILL — no graceful
// close, no finally blocks — (a) in the middle of a large rate CSV import: afterwards the version
// holds either every row of the file or exactly what it held before, never part of it; (b) while
// 50 writes are in flight: every write whose answer reached the client is there after a restart,
// and nothing is half-written (no case without its audit entry, no audit entry without its case).
// The server runs as a child process on a fresh database of DATABASE_URL's server (or a throwaway
// embedded PostgreSQL), as in two-instances.e2e.test.ts.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freshDatabase,
  killServer,
  startServer,
  stopServer,
  type FreshDatabase,
  type ServerProcess as Instance,
} from '../server-process.ts';

const ADMIN = { email: 'crash@gazette.test', password: 'Crash-safety-9' };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gazette-crash-'));
const GRADES = ['TERTIARY_A', 'TERTIARY_B', 'SECONDARY_A', 'SECONDARY_B', 'BELOW_SECONDARY_B'];

let database: FreshDatabase | null = null;
let server: Instance | null = null;
let token = '';
let db: pg.Client;

const start = () =>
  startServer({
    name: 'the server',
    databaseUrl: database!.url,
    dataDir: path.join(tmp, 'data'),
    admin: ADMIN,
    logLevel: 'warn',
  });

/** SIGKILL to the server's process group, then wait until PostgreSQL has let go of its sessions. */
async function killHard(i: Instance): Promise<void> {
  await killServer(i);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database!.name],
    );
    if (rows[0]!.n === 0) return;
    if (Date.now() > deadline) throw new Error('the killed server still has database sessions');
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Gql {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  auth: string | null = token,
): Promise<Gql> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Bearer ${auth}`;
  const res = await fetch(`http://127.0.0.1:${server!.port}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Gql;
}

async function login(): Promise<string> {
  const r = await gql(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
    null,
  );
  if (!r.data?.login) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
  return r.data.login.token as string;
}

function csvOf(rows: number, amount: string): string {
  const lines = ['code,grade,name,unit,amount'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${800_000_000 + Math.floor(i / GRADES.length)},${GRADES[i % GRADES.length]},"项目 ${i},测试",次,${amount}`,
    );
  return lines.join('\r\n') + '\r\n';
}

beforeAll(async () => {
  database = await freshDatabase('gazette_crash');
  server = await start();
  token = await login();
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  const code = server ? await stopServer(server) : 0;
  await database?.drop();
  rmSync(tmp, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('kill -9 of the server', () => {
  it('during a large rate CSV import leaves the version with every row of the file or as it was', async () => {
    const ROWS = 100_000;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO "RateTableVersion" (id, "tableId", label, "effectiveFrom", status, "updatedAt")
       SELECT gen_random_uuid(), id, '断电测试', current_date + 60, 'DRAFT', now() FROM "RateTable" WHERE key = 'medical-service-prices'
       RETURNING id`,
    );
    const versionId = rows[0]!.id;
    const gid = encodeGlobalID('RateTableVersion', versionId);
    const IMPORT_TEXT =
      'mutation($id: ID!, $v: Int!, $csv: String!) { importRateTableVersionCsv(id: $id, version: $v, csv: $csv) { entryCount version } }';
    const first = await gql(IMPORT_TEXT, { id: gid, v: 1, csv: csvOf(10, '1.5') });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importRateTableVersionCsv).toEqual({ entryCount: 10, version: 2 });

    // The large file as a multipart upload; killed once its transaction has started writing.
    const form = new FormData();
    const IMPORT_FILE =
      'mutation($id: ID!, $v: Int!, $file: File!) { importRateTableVersionCsvFile(id: $id, version: $v, file: $file) { entryCount } }';
    form.set(
      'operations',
      JSON.stringify({ query: IMPORT_FILE, variables: { id: gid, v: 2, file: null } }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new File([csvOf(ROWS, '2.5')], 'big.csv', { type: 'text/csv' }));
    const answer = fetch(`http://127.0.0.1:${server!.port}/graphql`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
    }).then(
      async (r) => ({ ok: true as const, body: (await r.json()) as Gql }),
      () => ({ ok: false as const }),
    );
    const deadline = Date.now() + 60_000;
    let writing = false;
    while (!writing && Date.now() < deadline) {
      // A session of the server holding a transaction id has written (the old rows deleted).
      const active = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()',
        [database!.name],
      );
      writing = active.rows[0]!.n > 0;
      if (!writing) await new Promise((r) => setTimeout(r, 10));
    }
    expect(writing).toBe(true);
    await new Promise((r) => setTimeout(r, 150)); // some of the rows are in
    await killHard(server!);
    const answered = await answer;

    const after = async () => {
      const entries = await db.query<{ n: number; amounts: string[] }>(
        `SELECT count(*)::int AS n, array_agg(DISTINCT amount::text) AS amounts FROM "RateEntry" WHERE "versionId" = $1`,
        [versionId],
      );
      const version = await db.query<{ version: number }>(
        'SELECT version FROM "RateTableVersion" WHERE id = $1',
        [versionId],
      );
      const audits = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AuditEntry" WHERE action = 'rateTableVersion.importCsv' AND "entityId" = $1`,
        [versionId],
      );
      return {
        entries: entries.rows[0]!.n,
        amounts: entries.rows[0]!.amounts,
        version: version.rows[0]!.version,
        audits: audits.rows[0]!.n,
      };
    };
    const state = await after();
    const before = { entries: 10, amounts: ['1.5000'], version: 2, audits: 1 };
    const whole = { entries: ROWS, amounts: ['2.5000'], version: 3, audits: 2 };
    expect([before, whole]).toContainEqual(state);
    // An answer that reached the client is the whole file.
    if (answered.ok && !answered.body.errors) expect(state).toEqual(whole);

    // The restarted server reads the version as it is and imports again.
    server = await start();
    token = await login();
    const again = await gql(IMPORT_TEXT, { id: gid, v: state.version, csv: csvOf(20, '3.5') });
    expect(again.errors).toBeUndefined();
    expect(again.data!.importRateTableVersionCsv).toEqual({
      entryCount: 20,
      version: state.version + 1,
    });
  });

  it('during 50 concurrent writes keeps every acknowledged write, and nothing half-written', async () => {
    const N = 50;
    const KILL_AFTER = 12;
    const prefix = `断电案件-${randomBytes(3).toString('hex')}-`;
    const OPEN =
      'mutation($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id caseName } } }';
    const acknowledged: { id: string; caseName: string }[] = [];
    let killing = null as Promise<void> | null;
    const instance = server!;
    await Promise.all(
      Array.from({ length: N }, async (_, n) => {
        const r = await gql(OPEN, {
          input: {
            caseName: `${prefix}${n}`,
            subjectName: '某经营者',
            trigger: 'SUBJECT_APPLICATION',
            filedOn: '2025-01-06',
          },
        }).catch(() => null);
        const c = r?.data?.openDiscretionReview?.case as
          { id: string; caseName: string } | undefined;
        if (!c) return;
        acknowledged.push(c);
        if (acknowledged.length === KILL_AFTER) killing = killHard(instance);
      }),
    );
    await killing;
    expect(killing).not.toBeNull();
    // Writes were still in flight when the server died.
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(N);

    server = await start();
    token = await login();
    const cases = await db.query<{ id: string; caseName: string }>(
      'SELECT id, "caseName" FROM "DiscretionCase" WHERE "caseName" LIKE $1',
      [`${prefix}%`],
    );
    const stored = new Map(cases.rows.map((c) => [c.id, c.caseName]));
    for (const c of acknowledged) expect(stored.get(decodeGlobalID(c.id).id)).toBe(c.caseName);
    // Nothing half-written: each stored case has its audit entry, each audit entry its case.
    const audits = await db.query<{ entityId: string }>(
      `SELECT "entityId" FROM "AuditEntry" WHERE action = 'case.open' AND after->>'caseName' LIKE $1`,
      [`${prefix}%`],
    );
    expect(audits.rows.map((a) => a.entityId).sort()).toEqual([...stored.keys()].sort());
    // And the restarted server answers for them.
    const read = await gql('query($id: ID!) { node(id: $id) { id } }', { id: acknowledged[0]!.id });
    expect(read.errors).toBeUndefined();
    expect(read.data!.node).toEqual({ id: acknowledged[0]!.id });
  });
});
