// Response cache of published reads: keyed by role, flushed by every write before its response (no
// stale read after a write returns), and across instances through PostgreSQL NOTIFY (in process)
// or a shared Redis (REDIS_URL; skipped when 127.0.0.1:6379 has none). A person's reads of cases
// and the log are kept per person: platform-personal-cache.test.ts.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import pino from 'pino';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrismaClient } from '@gazette/db';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import { seedDatabase } from '../../../../prisma/src/seed.ts';
import { createGazetteYoga, type GazetteYogaOptions } from '../../src/yoga.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { recordChange } from '@gazette/db/changes/record';
import { postGraphql, waitUntil } from '../helpers.ts';

const CONTRACT = readFileSync(
  new URL('../../contract/operations.graphql', import.meta.url),
  'utf8',
);
const NEXT_CONTRACT = readFileSync(new URL('../../contract/next.graphql', import.meta.url), 'utf8');

const REDIS_URL = 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const socket = net.connect(6379, '127.0.0.1');
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
});

let db: TestDatabase;
let statements: string[] = [];
beforeAll(async () => {
  db = await createTestDatabase({ maxConnections: 4, onQuery: (e) => statements.push(e.query) });
  await seedDatabase(db.prisma);
  await db.prisma.user.create({
    data: {
      email: 'cache-admin@gazette.test',
      role: 'ADMIN',
      passwordHash: await hashPassword('correct horse battery'),
    },
  });
  await db.prisma.user.create({
    data: {
      email: 'cache-viewer@gazette.test',
      role: 'VIEWER',
      passwordHash: await hashPassword('correct horse battery'),
    },
  });
});
afterAll(async () => {
  await db?.drop();
});

type Yoga = ReturnType<typeof createGazetteYoga>;
function instance(responseCache: GazetteYogaOptions['responseCache'], prisma = db.prisma): Yoga {
  return createGazetteYoga({
    prisma,
    logger: pino({ level: 'silent' }),
    production: true,
    databaseUrl: db.url,
    responseCache,
  });
}

async function gql(
  yoga: Yoga,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  operationName?: string,
) {
  statements = [];
  const body = await postGraphql(yoga, { query, variables, operationName }, token);
  return { ...body, statements: statements.length };
}

async function login(yoga: Yoga, email: string) {
  const r = await gql(
    yoga,
    'mutation($e: String!) { login(email: $e, password: "correct horse battery") { token } }',
    { e: email },
  );
  return r.data.login.token as string;
}

const ORGS =
  '{ organizations(first: 3, sort: { field: NAME, direction: ASC }) { edges { node { id name version } } } }';
const rename = (yoga: Yoga, token: string, id: string, version: number, name: string) =>
  gql(
    yoga,
    'mutation($id: ID!, $v: Int!, $n: String!) { updateOrganization(id: $id, version: $v, input: { name: $n }) { name version } }',
    { id, v: version, n: name },
    token,
  );

describe('in process', () => {
  it('serves a repeated anonymous read with no SQL, per role, and never a per-person field', async () => {
    const yoga = instance({ kind: 'memory' });
    try {
      await waitUntil(async () => (await gql(yoga, ORGS)).statements === 0, 2000); // the listener is up
      const first = await gql(yoga, '{ policies(first: 2) { totalCount } }');
      expect(first.statements).toBeGreaterThan(0);
      const again = await gql(yoga, '{ policies(first: 2) { totalCount } }');
      expect(again.data).toEqual(first.data);
      expect(again.statements).toBe(0);

      const viewer = await login(yoga, 'cache-viewer@gazette.test');
      // Signing in changes nothing a cached read shows: the anonymous entry survives it.
      expect((await gql(yoga, '{ policies(first: 2) { totalCount } }')).statements).toBe(0);
      const asViewer = await gql(yoga, '{ policies(first: 2) { totalCount } }', {}, viewer);
      // Its own entry: the caller's session is read (the total itself was remembered by the
      // anonymous read, src/platform/totals-cache.ts).
      expect(asViewer.data).toEqual(first.data);
      expect(asViewer.statements).toBeGreaterThan(0);
      // The read from the cache, the caller remembered (src/auth/viewer-cache.ts): no SQL at all.
      expect(
        (await gql(yoga, '{ policies(first: 2) { totalCount } }', {}, viewer)).statements,
      ).toBe(0);

      const me1 = await gql(yoga, '{ me { email } }', {}, viewer);
      const me2 = await gql(yoga, '{ me { email } }', {}, viewer);
      expect(me2.data.me.email).toBe('cache-viewer@gazette.test');
      expect(me2.statements).toBe(me1.statements); // not cached: runs every time
    } finally {
      await yoga.dispose();
    }
  });

  it('caches a public operation of a whole contract file, though the file also holds a private one', async () => {
    const yoga = instance({ kind: 'memory' });
    try {
      await waitUntil(async () => (await gql(yoga, ORGS)).statements === 0, 2000);
      const vars = { docNo: '泸市府规〔2024〕4号', asOf: '2025-01-06' };
      const first = await gql(yoga, CONTRACT, vars, undefined, 'Policy');
      expect(first.errors).toBeUndefined();
      expect(first.statements).toBeGreaterThan(0);
      const again = await gql(yoga, CONTRACT, vars, undefined, 'Policy');
      expect(again.data).toEqual(first.data);
      expect(again.statements).toBe(0);
      // The private operation of the same file (a case) is kept for its reader alone (personal
      // answers: platform-personal-cache.test.ts), under its own key.
      const admin = await login(yoga, 'cache-admin@gazette.test');
      const missing = { id: encodeGlobalID('DiscretionCase', randomUUID()) };
      const case1 = await gql(yoga, CONTRACT, missing, admin, 'Case');
      expect(case1.errors).toBeUndefined();
      expect(case1.data).toEqual({ case: null });
      expect(
        await waitUntil(
          async () => (await gql(yoga, CONTRACT, missing, admin, 'Case')).statements === 0,
        ),
      ).toBe(true);
      const viewer = await login(yoga, 'cache-viewer@gazette.test');
      expect((await gql(yoga, CONTRACT, missing, viewer, 'Case')).statements).toBeGreaterThan(0);
    } finally {
      await yoga.dispose();
    }
  });

  it('an omitted asOf (today) is answered afresh on the next Shanghai day', async () => {
    const yoga = instance({ kind: 'memory' });
    try {
      await waitUntil(async () => (await gql(yoga, ORGS)).statements === 0, 2000);
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2030-01-05T15:59:00Z') }); // 23:59 in Shanghai
      const status = () =>
        gql(yoga, 'query($d: String!) { policy(docNo: $d) { status } }', {
          d: '泸市府规〔2024〕4号',
        });
      const lastDay = await status();
      expect(lastDay.data.policy.status).toBe('IN_FORCE');
      expect((await status()).statements).toBe(0);
      vi.setSystemTime(new Date('2030-01-05T16:00:00Z')); // 00:00 on 2030-01-06
      const nextDay = await status();
      expect(nextDay.statements).toBeGreaterThan(0);
      expect(nextDay.data.policy.status).toBe('EXPIRED');
    } finally {
      vi.useRealTimers();
      await yoga.dispose();
    }
  });

  it('caches the change feed and flushes it when a change is recorded outside GraphQL', async () => {
    const yoga = instance({ kind: 'memory' });
    try {
      await waitUntil(async () => (await gql(yoga, ORGS)).statements === 0, 2000);
      const page = () => gql(yoga, NEXT_CONTRACT, { first: 100 }, undefined, 'Changes');
      const first = await page();
      expect(first.errors).toBeUndefined();
      expect((await page()).statements).toBe(0);
      await db.prisma.$transaction((tx) =>
        recordChange(tx, { kind: 'POLICY_CHANGED', docNo: '缓存测试〔2099〕1号' }),
      );
      const seen = await waitUntil(async () =>
        JSON.stringify((await page()).data).includes('缓存测试〔2099〕1号'),
      );
      expect(seen).toBe(true);
    } finally {
      await yoga.dispose();
    }
  });

  it('identical reads arriving together execute once (single flight), the rest from the cache', async () => {
    const yoga = instance({ kind: 'memory' });
    try {
      await waitUntil(async () => (await gql(yoga, ORGS)).statements === 0, 2000);
      const read = (n: number) =>
        `{ organizations(first: ${n}, sort: { field: NAME, direction: ASC }) { edges { node { id name } } } }`;
      const alone = await gql(yoga, read(5));
      expect(alone.statements).toBeGreaterThan(0);
      statements = [];
      const together = await Promise.all(
        Array.from({ length: 8 }, () => postGraphql(yoga, { query: read(6) })),
      );
      for (const body of together) expect(body.data.organizations.edges).toHaveLength(6);
      expect(statements).toHaveLength(alone.statements); // not 8×
    } finally {
      await yoga.dispose();
    }
  });

  it('a write flushes before it returns: the next read sees it', async () => {
    const yoga = instance({ kind: 'memory' });
    try {
      const admin = await login(yoga, 'cache-admin@gazette.test');
      const before = await gql(yoga, ORGS);
      const org = before.data.organizations.edges[0].node;
      expect((await gql(yoga, ORGS)).statements).toBe(0);
      const renamed = await rename(yoga, admin, org.id, org.version, `${org.name}(改)`);
      expect(renamed.errors).toBeUndefined();
      const after = await gql(yoga, ORGS);
      expect(after.data.organizations.edges.map((e: any) => e.node.name)).toContain(
        `${org.name}(改)`,
      );
      await rename(yoga, admin, org.id, org.version + 1, org.name);
    } finally {
      await yoga.dispose();
    }
  });

  it('two instances: a write on one invalidates the entry on the other (NOTIFY)', async () => {
    const countingB: string[] = [];
    const prismaB = createPrismaClient(db.url, {
      maxConnections: 2,
      onQuery: (e) => countingB.push(e.query),
    });
    const a = instance({ kind: 'memory' });
    const b = instance({ kind: 'memory' }, prismaB);
    try {
      const admin = await login(a, 'cache-admin@gazette.test');
      await waitUntil(async () => {
        countingB.length = 0;
        await gql(b, ORGS);
        return countingB.length === 0; // b's listener is up and the entry is cached on b
      });
      const org = (await gql(b, ORGS)).data.organizations.edges[1].node;
      expect(
        (await rename(a, admin, org.id, org.version, `${org.name}(乙)`)).errors,
      ).toBeUndefined();
      const seen = await waitUntil(
        async () => JSON.stringify((await gql(b, ORGS)).data).includes(`${org.name}(乙)`),
        2000,
      );
      expect(seen).toBe(true);
      await rename(a, admin, org.id, org.version + 1, org.name);
    } finally {
      await a.dispose();
      await b.dispose();
      await prismaB.$disconnect();
    }
  });
});

describe.skipIf(!redisUp)('Redis (REDIS_URL)', () => {
  it('two instances share one store; a write through one is never read stale through the other', async () => {
    const countingB: string[] = [];
    const prismaB = createPrismaClient(db.url, {
      maxConnections: 2,
      onQuery: (e) => countingB.push(e.query),
    });
    const a = instance({ kind: 'redis', url: REDIS_URL });
    const b = instance({ kind: 'redis', url: REDIS_URL }, prismaB);
    try {
      const admin = await login(a, 'cache-admin@gazette.test');
      const query = `{ organizations(first: 4, sort: { field: NAME, direction: ASC }) { edges { node { id name version } } } }`;
      const org = (await gql(a, query)).data.organizations.edges[2].node;
      countingB.length = 0;
      const fromB = await gql(b, query);
      expect(fromB.data.organizations.edges[2].node.name).toBe(org.name);
      expect(countingB).toHaveLength(0); // served from the shared store, filled by a
      expect(
        (await rename(a, admin, org.id, org.version, `${org.name}(丙)`)).errors,
      ).toBeUndefined();
      // No waiting: the writer flushed Redis before its response.
      const fresh = await gql(b, query);
      expect(fresh.data.organizations.edges.map((e: any) => e.node.name)).toContain(
        `${org.name}(丙)`,
      );
      await rename(a, admin, org.id, org.version + 1, org.name);
    } finally {
      await a.dispose();
      await b.dispose();
      await prismaB.$disconnect();
    }
  });
});
