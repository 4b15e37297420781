// Two API processes on one database, as behind a load balancer: notice numbers stay gapless when
// both accept cases at once, a change written through one is streamed to a subscriber of the
// other (LISTEN/NOTIFY), a sign-in throttle hit on one is seen by the other, and the daily
// review-task job creates each task once, and a response-cache entry (published, or a person's
// case read) is invalidated on both by a write through one. The database is a fresh one on
// DATABASE_URL's server, or a throwaway embedded PostgreSQL when DATABASE_URL is unset. Both stop
// cleanly on SIGTERM.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freshDatabase,
  spawnServer,
  stopServer,
  waitReady,
  type FreshDatabase,
  type ServerProcess as Instance,
} from './server-process.ts';

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

let database: FreshDatabase | null = null;
const instances: Instance[] = [];
let token = '';

const start = (name: string) =>
  spawnServer({
    name,
    databaseUrl: database!.url,
    dataDir: path.join(tmp, name),
    admin: ADMIN,
    logLevel: 'info',
  });

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

/** A read sent with `If-None-Match: etag` when given: its status, ETag and body (none on 304). */
async function conditionalRead(
  i: Instance,
  request: { query: string; variables?: Record<string, unknown> },
  auth: string | null,
  etag?: string,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Bearer ${auth}`;
  if (etag) headers['if-none-match'] = etag;
  const res = await fetch(`http://127.0.0.1:${i.port}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify(request),
  });
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    body: res.status === 304 ? null : ((await res.json()) as Gql),
  };
}

const codes = (r: Gql) => (r.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  database = await freshDatabase('gazette_two');
  // The first migrates and seeds; the second finds everything in place (as a second replica does).
  const a = await start('a');
  instances.push(a);
  await waitReady(a);
  const b = await start('b');
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
  const stopped = await Promise.all(instances.map(stopServer));
  await database?.drop();
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
    const read = (i: Instance, etag?: string) => conditionalRead(i, { query }, null, etag);
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

  it("keeps a person's case read on each instance, and a change through one reaches the other", async () => {
    const [a, b] = instances as [Instance, Instance];
    const opened = await gql(
      a,
      'mutation($input: OpenDiscretionReviewInput!) { openDiscretionReview(input: $input) { case { id version } } }',
      {
        input: {
          caseName: '双实例个人缓存案',
          subjectName: '泸州市某经营者',
          trigger: 'SUBJECT_APPLICATION',
          filedOn: '2025-01-06',
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const { id, version } = opened.data!.openDiscretionReview.case;
    const query = 'query($id: ID!) { case(id: $id) { caseName } }';
    const read = (i: Instance, etag?: string) =>
      conditionalRead(i, { query, variables: { id } }, token, etag);
    // Kept by each instance for this person (personal answers): each answers 304 to its own ETag
    // (the notification of the case's own opening may flush them once: read until kept).
    const kept = async (i: Instance) => {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const first = await read(i);
        expect(first.body!.data!.case.caseName).toBe('双实例个人缓存案');
        if (first.etag && (await read(i, first.etag)).status === 304) return first.etag;
        if (Date.now() > deadline) throw new Error('the case read was never kept');
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const etagB = await kept(b);
    await kept(a);
    const update = await gql(
      a,
      'mutation($id: ID!, $v: Int!) { updateCase(id: $id, version: $v, input: { caseName: "双实例个人缓存案(更正)" }) { version } }',
      { id, v: version },
    );
    expect(update.errors).toBeUndefined();
    expect((await read(a)).body!.data!.case.caseName).toBe('双实例个人缓存案(更正)');
    const deadline = Date.now() + 5_000;
    while ((await read(b, etagB)).status === 304 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect((await read(b)).body!.data!.case.caseName).toBe('双实例个人缓存案(更正)');
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
