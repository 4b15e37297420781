// The malicious-request corpus at the request level, in production mode: every refusal carries a
// code and runs no SQL; an endless chunked body is cut at the limit; passwords never reach the
// log; a stranger cannot lock the owner out. Each case takes well under a second or two.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import { createGazetteYoga } from '../../src/yoga.ts';
import { hashPassword } from '../../src/auth/password.ts';

const lines: string[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  }),
);

let db: TestDatabase;
let yoga: ReturnType<typeof createGazetteYoga>;
let statements: string[] = [];
const OWNER = { email: 'owner@gazette.test', password: 'Owner-password-77' };
beforeAll(async () => {
  db = await createTestDatabase({ maxConnections: 4, onQuery: (e) => statements.push(e.query) });
  await db.prisma.user.create({
    data: { email: OWNER.email, role: 'ADMIN', passwordHash: await hashPassword(OWNER.password) },
  });
  yoga = createGazetteYoga({ prisma: db.prisma, logger, production: true });
});
afterAll(async () => {
  await yoga?.dispose();
  await db?.drop();
});

async function send(
  body: unknown,
  init: { headers?: Record<string, string>; address?: string; method?: string } = {},
) {
  statements = [];
  const res = await yoga.fetch(
    'http://gazette.test/graphql',
    {
      method: init.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    (init.address ? { req: { socket: { remoteAddress: init.address } } } : {}) as never,
  );
  const json = (await res.json().catch(() => ({}))) as {
    data?: any;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return {
    status: res.status,
    ...json,
    codes: (json.errors ?? []).map((e) => e.extensions?.code),
    sql: statements.length,
  };
}

const many = (n: number, f: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => f(i)).join(' ');

describe('malicious requests: a code each, and no SQL', () => {
  const cases: Array<[string, string, string]> = [
    [
      'depth',
      `{ policies { edges { node { issuers { issuedPolicies { edges { node { policy { issuers { issuedPolicies { edges { node { policy { docNo } } } } } } } } } } } } } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'aliases',
      `{ ${many(20, (i) => `a${i}: policies(first: 1) { totalCount }`)} }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['directives', `{ __typename ${'@skip(if: false) '.repeat(25)} }`, 'GRAPHQL_VALIDATION_FAILED'],
    ['tokens', `{ ${many(1200, () => '__typename')} }`, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'nesting (5000-deep list)',
      `{ policiesPage(filter: { ids: ${'['.repeat(5000)}${']'.repeat(5000)} }) { total } }`,
      'GRAPHQL_PARSE_FAILED',
    ],
    ['introspection in production', '{ __schema { types { name } } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['field suggestion probe', '{ polici { totalCount } }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'batched cost',
      `{ ${many(12, (i) => `p${i}: policies(first: 100) { edges { node { issuers { name } rateTables { name } } } }`)} }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['NUL byte', '{ policiesPage(filter: { q: "\\u0000" }) { total } }', 'BAD_USER_INPUT'],
    ['huge list', `{ nodes(ids: [${many(1001, (i) => `"${i}",`)}]) { id } }`, 'BAD_USER_INPUT'],
  ];
  it.each(cases)('%s', async (_name, query, code) => {
    const r = await send({ query });
    expect(r.codes.length).toBeGreaterThan(0);
    expect(r.codes).toContain(code);
    expect(r.codes.every((c) => typeof c === 'string')).toBe(true);
    expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean/);
    expect(r.sql).toBe(0);
  });

  it('a GET without a CSRF header is refused with a code', async () => {
    statements = [];
    const res = await yoga.fetch('http://gazette.test/graphql?query=%7B__typename%7D', {
      method: 'GET',
    });
    const body = (await res.json()) as { errors: { extensions?: { code?: string } }[] };
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(body.errors[0]?.extensions?.code).toBeTruthy();
    expect(statements).toHaveLength(0);
  });

  it('an endless chunked body is cut at the limit (memory stays bounded)', async () => {
    const chunk = new TextEncoder().encode(
      '{"query":"{ __typename }","pad":"' + 'x'.repeat(64 * 1024),
    );
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 1024 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const rss = process.memoryUsage().rss;
    const res = await yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(pulled).toBeLessThan(4 * 1024 * 1024);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('secrets and lockout', () => {
  it('never logs a password, inline or in variables, whatever fails', async () => {
    lines.length = 0;
    const secrets = [
      'Inline-secret-Q1',
      'Variable-secret-Q2',
      'Create-secret-Q3',
      'Broken-secret-Q4',
    ];
    await send({
      query: `mutation { login(email: "${OWNER.email}", password: "${secrets[0]}") { token } }`,
    });
    await send({
      query: 'mutation($p: String!) { login(email: "x@gazette.test", password: $p) { token } }',
      variables: { p: secrets[1] },
    });
    await send({
      query: `mutation { createUser(input: { email: "bad", role: VIEWER, password: "${secrets[2]}" }) { id } }`,
    });
    await send({ query: `mutation { login(email: "a", password: "${secrets[3]}" }` });
    await send({
      query: `mutation { login(email: "a\\u0000", password: "${secrets[3]}") { token } }`,
    });
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it('a stranger failing again and again cannot lock the owner out of their own address', async () => {
    const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
    for (let i = 0; i < 8; i++) {
      const r = await send(
        { query: LOGIN, variables: { e: OWNER.email, p: `guess-${i}` } },
        { address: '198.51.100.9' },
      );
      expect(['UNAUTHENTICATED', 'RATE_LIMITED']).toContain(r.codes[0]);
    }
    const owner = await send(
      { query: LOGIN, variables: { e: OWNER.email, p: OWNER.password } },
      { address: '192.0.2.10' },
    );
    expect(owner.errors).toBeUndefined();
    expect(owner.data.login.token).toBeTruthy();
  });
});
