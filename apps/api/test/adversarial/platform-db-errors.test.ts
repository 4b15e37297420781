// Every database failure has a code: transient ones (deadlock, serialization, lock and pool waits)
// are retried a bounded number of times and then answered SERVICE_UNAVAILABLE (503, Retry-After);
// constraint violations name the field; only bugs stay "Unexpected error.". All provoked for real.
import pg from 'pg';
import pino from 'pino';
import { GraphQLError } from 'graphql';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@gazette/db';
import { seedDatabase } from '../../../../prisma/src/seed.ts';
import { createHarness, type ApiHarness } from '../helpers.ts';
import { createGazetteYoga } from '../../src/yoga.ts';
import { maskError } from '../../src/errors.ts';
import { withTransactionRetry } from '../../src/platform/transactions.ts';
import { ServiceUnavailableError, classifyDbError } from '../../src/platform/db-errors.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await createHarness({ maxConnections: 6 });
  await seedDatabase(h.db.prisma);
});
afterAll(async () => {
  await h?.close();
});

async function twoOrganizations() {
  const [a, b] = await h.db.prisma.organization.findMany({
    take: 2,
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  return [a!.id, b!.id] as const;
}

/** Two transactions that lock the same two rows in opposite orders: PostgreSQL kills one (40P01). */
function deadlockPair(
  prisma: ReturnType<typeof withTransactionRetry>,
  ids: readonly [string, string],
) {
  let arrived = 0;
  let release!: () => void;
  const bothLocked = new Promise<void>((resolve) => (release = resolve));
  const run = (first: string, second: string) =>
    prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL deadlock_timeout = '50ms'`);
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${first} FOR UPDATE`;
      if (++arrived === 2) release();
      await bothLocked;
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${second} FOR UPDATE`;
      return first;
    });
  return [run(ids[0], ids[1]), run(ids[1], ids[0])];
}

describe('transient failures', () => {
  it('a real deadlock fails one transaction without the retry, and both commit with it', async () => {
    const ids = await twoOrganizations();
    const bare = await Promise.allSettled(deadlockPair(h.db.prisma, ids));
    const failed = bare.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(classifyDbError((failed[0] as PromiseRejectedResult).reason)).toEqual({
      kind: 'transient',
      reason: 'deadlock',
    });

    const retries: string[] = [];
    const retrying = withTransactionRetry(h.db.prisma, {
      onRetry: ({ reason }) => retries.push(reason),
    });
    const settled = await Promise.allSettled(deadlockPair(retrying, ids));
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(retries).toEqual(['deadlock']);
  });

  it('gives up after a bounded number of attempts with ServiceUnavailableError', async () => {
    const retrying = withTransactionRetry(h.db.prisma, { baseDelayMs: 1 });
    let attempts = 0;
    const error = await retrying
      .$transaction(async (tx) => {
        attempts++;
        await tx.$executeRawUnsafe(
          `DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; END $$`,
        );
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(attempts).toBe(3);
    const masked = maskError(error, 'Unexpected error.') as GraphQLError;
    expect(masked.extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers a write stuck behind a lock with 503, Retry-After and SERVICE_UNAVAILABLE, then works once the lock is gone', async () => {
    const admin = await h.userToken('ADMIN');
    const other = await h.userToken('VIEWER');
    // Lock waits end after 150 ms on every new connection of this database (a real 55P03).
    const dbName = new URL(h.db.url).pathname.slice(1);
    const holder = new pg.Client({ connectionString: h.db.url });
    await holder.connect();
    await holder.query(`ALTER DATABASE "${dbName}" SET lock_timeout = '150ms'`);
    const prisma = createPrismaClient(h.db.url, { maxConnections: 2 });
    const yoga = createGazetteYoga({ prisma, logger: pino({ level: 'silent' }), production: true });
    const rename = async () => {
      const version = (await h.db.prisma.user.findUniqueOrThrow({ where: { id: other.userId } }))
        .version;
      const res = await yoga.fetch('http://gazette.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
        body: JSON.stringify({
          query:
            'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { name: "改名" }) { name } }',
          variables: { id: encodeGlobalID('User', other.userId), v: version },
        }),
      });
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: (await res.json()) as any,
      };
    };
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM "User" WHERE id = $1 FOR UPDATE`, [other.userId]);
      const started = Date.now();
      const stuck = await rename();
      expect(stuck.status).toBe(503);
      expect(stuck.retryAfter).toBe('1');
      expect(stuck.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(stuck.body.errors[0].message).not.toMatch(/Unexpected/);
      // Three attempts of ~150 ms each, not one and not forever.
      expect(Date.now() - started).toBeGreaterThan(400);
      await holder.query('ROLLBACK');
      const ok = await rename();
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data.updateUser.name).toBe('改名');
    } finally {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.query(`ALTER DATABASE "${dbName}" RESET lock_timeout`);
      await holder.end();
      await yoga.dispose();
      await prisma.$disconnect();
    }
  });

  it('two administrators deactivating each other at once never get "Unexpected error."', async () => {
    for (let round = 0; round < 2; round++) {
      const a = await h.userToken('ADMIN');
      const b = await h.userToken('ADMIN');
      await h.userToken('ADMIN'); // a third, so neither is the last administrator
      const deactivate = (token: string, id: string) =>
        h.gql(
          'mutation($id: ID!) { deactivateUser(id: $id, version: 1) { active } }',
          { id },
          token,
        );
      const results = await Promise.all([
        deactivate(a.token, encodeGlobalID('User', b.userId)),
        deactivate(b.token, encodeGlobalID('User', a.userId)),
      ]);
      for (const r of results) {
        for (const e of r.errors ?? []) expect(e.message).not.toMatch(/Unexpected error/);
        expect(r.codes.every((c) => c !== 'INTERNAL_SERVER_ERROR' && c !== 'NONE')).toBe(true);
      }
      expect(results.some((r) => r.data?.deactivateUser?.active === false)).toBe(true);
    }
  });
});

describe('constraint violations name the field', () => {
  const masked = (error: unknown) => maskError(error, 'Unexpected error.') as GraphQLError;
  const fail = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('should have failed'),
      (e: unknown) => e,
    );

  it('unique → BAD_USER_INPUT naming the column', async () => {
    const user = await h.db.prisma.user.findFirstOrThrow();
    const e = masked(
      await fail(
        h.db.prisma.user.create({ data: { email: user.email, role: 'VIEWER', passwordHash: 'x' } }),
      ),
    );
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('foreign key → CONFLICT naming the column', async () => {
    const e = masked(
      await fail(
        h.db.prisma.session.create({
          data: { userId: 'no-such-user', tokenHash: 'fk-test', expiresAt: new Date() },
        }),
      ),
    );
    expect(e.extensions.code).toBe('CONFLICT');
    expect(String(e.extensions.field)).toMatch(/userId/);
  });

  it('numeric overflow (22003), NUL (22021) → BAD_USER_INPUT, not "Unexpected error."', async () => {
    const entry = await h.db.prisma.rateEntry.findFirstOrThrow();
    const overflow = masked(
      await fail(
        h.db.prisma.rateEntry.update({
          where: { id: entry.id },
          data: { amount: '123456789012.5' },
        }),
      ),
    );
    expect(overflow.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      sqlState: '22003',
      entity: 'RateEntry',
    });
    const org = await h.db.prisma.organization.findFirstOrThrow();
    const nul = masked(
      await fail(
        h.db.prisma.organization.update({ where: { id: org.id }, data: { name: 'a\u0000b' } }),
      ),
    );
    expect(nul.extensions).toMatchObject({ code: 'BAD_USER_INPUT', sqlState: '22021' });
  });

  it('not-null, check and too-long (through the pg driver) → BAD_USER_INPUT naming the column', async () => {
    const client = new pg.Client({ connectionString: h.db.url });
    await client.connect();
    try {
      const notNull = masked(
        await fail(client.query(`INSERT INTO "Organization" (id, name) VALUES ('x', NULL)`)),
      );
      expect(notNull.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      await client.query(
        `CREATE TEMP TABLE probe (code varchar(3), n int CONSTRAINT probe_n_check CHECK (n > 0))`,
      );
      const tooLong = masked(
        await fail(client.query(`INSERT INTO probe (code, n) VALUES ('abcd', 1)`)),
      );
      expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', sqlState: '22001' });
      const check = masked(
        await fail(client.query(`INSERT INTO probe (code, n) VALUES ('a', -1)`)),
      );
      expect(check.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'n' });
    } finally {
      await client.end();
    }
  });

  it('a true bug stays masked', () => {
    const e = masked(new TypeError('cannot read properties of undefined'));
    expect(e.message).toBe('Unexpected error.');
  });
});
