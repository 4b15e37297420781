// Two API processes on one database, as behind a load balancer: notice numbers stay gapless when
// both accept cases at once, a change written through one is streamed to a subscriber of the
// other (LISTEN/NOTIFY), a sign-in throttle hit on one is seen by the other, and the daily
// review-task job creates each task once, and a response-cache entry is invalidated on both by a
// write through one. The database is a fresh one on DATABASE_URL's server,
// or a throwaway embedded PostgreSQL when DATABASE_URL is unset. Both stop cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from '@gazette/db/embedded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEXT = parse(readFileSync(path.join(API_DIR, 'contract/next.graphql'), 'utf8'));
const op = (name: string) =>
  print(
    NEXT.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
    )!,
  );
const ADMIN = { email: 'two@gazette.test', password: 'Two-instances-1' };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gazette-two-'));

interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

let cluster: EmbeddedPostgres | null = null;
let adminUrl = '';
let dbName = '';
let dbUrl = '';
const instances: Instance[] = [];
let token = '';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onAdmin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function start(name: string, port: number): Instance {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  Object.assign(env, {
    GAZETTE_DATA_DIR: path.join(tmp, name),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
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
    {
      cwd: API_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { name, port, child, output: () => out, exited };
}

async function waitReady(i: Instance, ms = 180_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (i.child.exitCode !== null) throw new Error(`${i.name} exited early:\n${i.output()}`);
    const res = await fetch(`http://127.0.0.1:${i.port}/readyz`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${i.name} not ready in time:\n${i.output()}`);
}

async function stop(i: Instance): Promise<number | null> {
  if (i.child.exitCode !== null) return i.child.exitCode;
  try {
    process.kill(-i.child.pid!, 'SIGTERM');
  } catch {
    // gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-i.child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }, 30_000);
  const code = await i.exited;
  clearTimeout(timer);
  return code;
}

interface Gql {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

async function gql(
  i: Instance,
  query: string,
  variables: Record<string, unknown> = {},
  auth: string | null = token,
): Promise<Gql> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Bearer ${auth}`;
  const res = await fetch(`http://127.0.0.1:${i.port}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Gql;
}

const codes = (r: Gql) => (r.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    cluster = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'pg'),
      port: await freePort(),
      ephemeral: true,
    });
    adminUrl = cluster.url();
  }
  dbName = `gazette_two_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdmin(`CREATE DATABASE ${dbName}`);
  dbUrl = withDatabase(adminUrl, dbName);

  // The first migrates and seeds; the second finds everything in place (as a second replica does).
  const a = start('a', await freePort());
  instances.push(a);
  await waitReady(a);
  const b = start('b', await freePort());
  instances.push(b);
  await waitReady(b);
  const login = await gql(
    a,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
    null,
  );
  token = login.data!.login.token;
});

afterAll(async () => {
  const stopped = await Promise.all(instances.map(stop));
  if (dbName) await onAdmin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
  expect(stopped).toEqual(instances.map(() => 0));
});

describe('two API processes on one database', () => {
  it('both answer, a session made on one is valid on the other, and the review tasks were made once', async () => {
    const [a, b] = instances as [Instance, Instance];
    const q = '{ me { email } reviewTasks(first: 1) { totalCount } }';
    const [ra, rb] = [await gql(a, q), await gql(b, q)];
    expect(ra.errors).toBeUndefined();
    expect(rb.data).toEqual(ra.data);
    expect(ra.data!.me.email).toBe(ADMIN.email);
    expect(ra.data!.reviewTasks.totalCount).toBeGreaterThanOrEqual(3);
    expect(b.output()).toContain('"created":0');
  });

  it('keeps notice numbers gapless when both accept cases concurrently', async () => {
    const N = 12;
    const OPEN =
      'mutation($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id } } }';
    const ACCEPT_CASE =
      'mutation($id: ID!, $event: CaseEventInput!) { transitionCase(id: $id, event: $event) { case { notices { kind number } } } }';
    const event = {
      type: 'ACCEPT',
      on: '2025-01-10',
      reviewMode: 'INTERNAL',
      reviewDays: 15,
      conditionsMet: ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING', 'VOLUNTARY'],
      exclusions: [],
    };
    const ids: string[] = [];
    for (let n = 0; n < N; n++) {
      const r = await gql(instances[n % 2]!, OPEN, {
        input: {
          caseName: `双实例案件${n}`,
          subjectName: '泸州市某经营者',
          trigger: 'SUBJECT_APPLICATION',
          filedOn: '2025-01-06',
        },
      });
      expect(r.errors).toBeUndefined();
      ids.push(r.data!.openDiscretionReview.case.id);
    }
    const results = await Promise.all(
      ids.map((id, n) => gql(instances[n % 2]!, ACCEPT_CASE, { id, event })),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const serials = (kind: string) =>
      results
        .flatMap((r) => r.data!.transitionCase.case.notices as { kind: string; number: string }[])
        .filter((n) => n.kind === kind)
        .map((n) => Number(/〕(\d+)号$/.exec(n.number)![1]))
        .sort((x, y) => x - y);
    const oneToN = Array.from({ length: N }, (_, i) => i + 1);
    expect(serials('ACCEPTANCE')).toEqual(oneToN);
    expect(serials('SUSPENSION')).toEqual(oneToN);
  });

  it('streams a change made on one to a changeStream subscriber of the other', async () => {
    const [a, b] = instances as [Instance, Instance];
    const last = await gql(b, 'query { changes(first: 100) { pageInfo { endCursor } } }');
    const after = last.data!.changes.pageInfo.endCursor as string | null;
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${b.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: op('ChangeStream'), variables: { after } }),
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const firstEvent = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (data && block.includes('event: next'))
            return JSON.parse(data.slice(5)).data.changeStream as { kind: string; docNo: string };
        }
      }
    })();
    try {
      const policy = await gql(a, '{ policy(docNo: "泸市监规发〔2024〕2号") { id version } }');
      const { id, version } = policy.data!.policy;
      const update = await gql(
        a,
        'mutation($id: ID!, $v: Int!) { updatePolicy(id: $id, version: $v, input: { summary: "双实例测试" }) { version } }',
        { id, v: version },
      );
      expect(update.errors).toBeUndefined();
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no event on the other instance within 10 s')), 10_000),
      );
      expect(await Promise.race([firstEvent, timeout])).toMatchObject({
        kind: 'POLICY_CHANGED',
        docNo: '泸市监规发〔2024〕2号',
      });
    } finally {
      controller.abort();
      await firstEvent.catch(() => {});
    }
  });

  it('invalidates a cached published read on both instances when one of them writes', async () => {
    const [a, b] = instances as [Instance, Instance];
    const query = '{ policy(docNo: "泸市府规〔2024〕4号") { id version summary } }';
    const read = async (i: Instance, etag?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (etag) headers['if-none-match'] = etag;
      const res = await fetch(`http://127.0.0.1:${i.port}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query }),
      });
      return {
        status: res.status,
        etag: res.headers.get('etag'),
        body: res.status === 304 ? null : ((await res.json()) as Gql),
      };
    };
    // Cached on both (anonymous): each answers 304 to its own entry's ETag.
    const onA = await read(a);
    const onB = await read(b);
    expect(onA.etag).toBeTruthy();
    expect(onB.etag).toBe(onA.etag);
    expect((await read(a, onA.etag!)).status).toBe(304);
    expect((await read(b, onB.etag!)).status).toBe(304);

    const { id, version, summary } = onA.body!.data!.policy;
    const update = await gql(
      a,
      'mutation($id: ID!, $v: Int!, $s: String!) { updatePolicy(id: $id, version: $v, input: { summary: $s }) { version } }',
      { id, v: version, s: `${summary ?? ''}(缓存测试)` },
    );
    expect(update.errors).toBeUndefined();
    // The writer answers fresh at once; the other within the notification's delay.
    expect((await read(a, onA.etag!)).status).toBe(200);
    expect((await read(a)).body!.data!.policy.summary).toBe(`${summary ?? ''}(缓存测试)`);
    const deadline = Date.now() + 5_000;
    let fresh = await read(b);
    while (
      fresh.body!.data!.policy.summary !== `${summary ?? ''}(缓存测试)` &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
      fresh = await read(b);
    }
    expect(fresh.body!.data!.policy.summary).toBe(`${summary ?? ''}(缓存测试)`);
  });

  it('shares the sign-in throttle: failures counted on both, refused on both (RATE_LIMITED)', async () => {
    const [a, b] = instances as [Instance, Instance];
    const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
    const wrong = (i: Instance) => gql(i, LOGIN, { e: ADMIN.email, p: 'wrong password' }, null);
    // Three free failures, alternating: the third sets a 1 s delay for this (account, address).
    expect(codes(await wrong(a))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await wrong(b))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await wrong(a))).toEqual(['UNAUTHENTICATED']);
    await new Promise((r) => setTimeout(r, 1_200));
    // The fourth (counted on B) sets 2 s; both instances now refuse, even the right password.
    expect(codes(await wrong(b))).toEqual(['UNAUTHENTICATED']);
    const onA = await gql(a, LOGIN, { e: ADMIN.email, p: ADMIN.password }, null);
    const onB = await wrong(b);
    expect(codes(onA)).toEqual(['RATE_LIMITED']);
    expect(codes(onB)).toEqual(['RATE_LIMITED']);
  });
});
