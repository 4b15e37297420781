// DATABASE_REPLICA_URL: queries read the replica; mutations, and every read within the grace
// period after a write, use the primary. (Here the "replica" is a second client of the same
// database, counted separately: the routing is what is tested, not PostgreSQL replication.)
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@gazette/db';
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import { seedDatabase } from '../../../../prisma/src/seed.ts';
import { createGazetteYoga } from '../../src/yoga.ts';
import { hashPassword } from '../../src/auth/password.ts';

let db: TestDatabase;
let replica: PrismaClient;
let yoga: ReturnType<typeof createGazetteYoga>;
const onPrimary: string[] = [];
const onReplica: string[] = [];
const GRACE_MS = 300;

beforeAll(async () => {
  db = await createTestDatabase({ maxConnections: 4, onQuery: (e) => onPrimary.push(e.query) });
  await seedDatabase(db.prisma);
  await db.prisma.user.create({
    data: {
      email: 'replica-admin@gazette.test',
      role: 'ADMIN',
      passwordHash: await hashPassword('correct horse battery'),
    },
  });
  replica = createPrismaClient(db.url, {
    maxConnections: 2,
    onQuery: (e) => onReplica.push(e.query),
  });
  yoga = createGazetteYoga({
    prisma: db.prisma,
    replica,
    replicaGraceMs: GRACE_MS,
    logger: pino({ level: 'silent' }),
    production: true,
  });
});
afterAll(async () => {
  await yoga?.dispose();
  await replica?.$disconnect();
  await db?.drop();
});

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  onPrimary.length = 0;
  onReplica.length = 0;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await yoga.fetch('http://gazette.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  return { ...body, primary: onPrimary.length, replica: onReplica.length };
}

const ORGS =
  '{ organizations(first: 2, sort: { field: NAME, direction: ASC }) { edges { node { id name version } } } }';

describe('read replica routing', () => {
  it('reads go to the replica, writes and the reads right after them to the primary', async () => {
    await new Promise((r) => setTimeout(r, GRACE_MS + 50));
    const read = await gql(ORGS);
    expect(read.errors).toBeUndefined();
    expect(read.replica).toBeGreaterThan(0);
    expect(read.primary).toBe(0);

    const login = await gql(
      'mutation { login(email: "replica-admin@gazette.test", password: "correct horse battery") { token } }',
    );
    const token = login.data.login.token as string;
    expect(login.replica).toBe(0);
    const org = read.data.organizations.edges[0].node;
    const write = await gql(
      'mutation($id: ID!, $v: Int!, $n: String!) { updateOrganization(id: $id, version: $v, input: { name: $n }) { name } }',
      { id: org.id, v: org.version, n: `${org.name}(副本)` },
      token,
    );
    expect(write.errors).toBeUndefined();
    expect(write.replica).toBe(0);

    const after = await gql(ORGS);
    expect(after.replica).toBe(0); // within the grace period: the primary
    expect(JSON.stringify(after.data)).toContain(`${org.name}(副本)`);

    await new Promise((r) => setTimeout(r, GRACE_MS + 50));
    const later = await gql(ORGS);
    expect(later.replica).toBeGreaterThan(0);
  });

  it('a signed-in read: the session lookup reads the primary, the query the replica', async () => {
    const login = await gql(
      'mutation { login(email: "replica-admin@gazette.test", password: "correct horse battery") { token } }',
    );
    const token = login.data.login.token as string;
    await new Promise((r) => setTimeout(r, GRACE_MS + 50));
    const read = await gql(ORGS, {}, token);
    expect(read.errors).toBeUndefined();
    expect(read.primary).toBe(1);
    expect(read.replica).toBeGreaterThan(0);
    // On the primary, so a sign-out or revocation holds at once whatever the replica's lag.
    expect(onPrimary[0]).toContain('"Session"');
  });
});
