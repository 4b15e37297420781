// Who a bearer secret is, remembered a few seconds (src/auth/viewer-cache.ts): a signed-in caller's
// repeated requests skip the session statement, yet a sign-out, a deactivation, a role change or a
// token revocation holds on the very next request to the instance that made it, and on every other
// instance once the trigger's NOTIFY gazette_auth arrives, also when the change came from psql.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.ts';
import { createCachingInstances, PASSWORD, type CachingInstances } from '../helpers.ts';

let api: CachingInstances;
let db: CachingInstances['db'];
beforeAll(async () => {
  api = await createCachingInstances();
  db = api.db;
  await db.prisma.user.create({
    data: {
      email: 'vc-admin@gazette.test',
      role: 'ADMIN',
      passwordHash: await hashPassword(PASSWORD),
    },
  });
});
afterAll(async () => {
  await api?.close();
});

type Yoga = ReturnType<CachingInstances['instance']>;
const instance = (viewerCache = true) => api.instance({ viewerCache });
const gql = (yoga: Yoga, query: string, variables: Record<string, unknown>, token?: string) =>
  api.gql(yoga, query, variables, token);

const ME = '{ me { id email role name } }';
const AUTH = /"Session"|"ApiToken"/;
const authStatements = (r: { statements: string[] }) => r.statements.filter((s) => AUTH.test(s));

async function signIn(yoga: Yoga, email: string) {
  const token = await api.signIn(yoga, email);
  const me = await gql(yoga, '{ me { id version } }', {}, token);
  return { token, user: me.data.me as { id: string; version: number } };
}

let people = 0;
/** A new user of the role, signed in on `yoga`. */
async function person(yoga: Yoga, role: 'ADMIN' | 'SUPERVISOR' | 'VIEWER' = 'VIEWER') {
  const email = `vc-${++people}@gazette.test`;
  await db.prisma.user.create({
    data: { email, role, passwordHash: await hashPassword(PASSWORD) },
  });
  return { email, ...(await signIn(yoga, email)) };
}

/** Waits for the instance's listener (its first remembered answer). */
async function listening(yoga: Yoga, token: string) {
  for (let i = 0; i < 200; i++) {
    await gql(yoga, ME, {}, token);
    if (authStatements(await gql(yoga, ME, {}, token)).length === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the viewer cache never turned on');
}

async function eventually(check: () => Promise<boolean>, ms = 3000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('not within the time');
}

describe('remembered viewers', () => {
  let a: Yoga;
  let b: Yoga;
  let admin: string;
  beforeAll(async () => {
    a = instance();
    b = instance();
    admin = (await signIn(a, 'vc-admin@gazette.test')).token;
    await listening(a, admin);
    await listening(b, admin);
  });

  it('a repeated signed-in request runs no authentication statement; an unknown secret always does', async () => {
    const me = await person(a);
    const first = await gql(a, ME, {}, me.token);
    expect(first.data.me.email).toBe(me.email);
    const again = await gql(a, ME, {}, me.token);
    expect(again.data).toEqual(first.data);
    expect(authStatements(again)).toHaveLength(0);
    expect(again.statements).toHaveLength(0); // `me` answers from the remembered account
    for (let i = 0; i < 2; i++) {
      const forged = await gql(a, ME, {}, 'gzs_forged-secret');
      expect(forged.data.me).toBeNull();
      expect(authStatements(forged)).toHaveLength(1);
    }
  });

  it('a sign-out holds on the next request to that instance, and on the other one once told', async () => {
    const me = await person(a);
    for (const y of [a, b]) {
      await gql(y, ME, {}, me.token);
      expect((await gql(y, ME, {}, me.token)).statements).toHaveLength(0);
    }
    expect((await gql(a, 'mutation { logout }', {}, me.token)).data.logout).toBe(true);
    expect((await gql(a, ME, {}, me.token)).data.me).toBeNull();
    await eventually(async () => (await gql(b, ME, {}, me.token)).data.me === null);
  });

  it('a deactivation or a new role by an administrator holds on the next request, on both instances', async () => {
    const target = await person(a, 'SUPERVISOR');
    const other = await person(b, 'ADMIN');
    await gql(a, ME, {}, target.token);
    await gql(b, ME, {}, other.token);
    // A new role ends the person's sessions: the remembered one goes with them.
    const changed = await gql(
      a,
      'mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { role: VIEWER }) { role } }',
      { id: target.user.id, v: target.user.version },
      admin,
    );
    expect(changed.data.updateUser.role).toBe('VIEWER');
    expect((await gql(a, ME, {}, target.token)).data.me).toBeNull();

    // Deactivated on a: b, which remembers `other` (again: the role change was heard there too),
    // forgets it once the notification comes.
    await gql(b, ME, {}, other.token);
    expect((await gql(b, ME, {}, other.token)).statements).toHaveLength(0);
    const off = await gql(
      a,
      'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { active } }',
      { id: other.user.id, v: other.user.version },
      admin,
    );
    expect(off.data.deactivateUser.active).toBe(false);
    await eventually(async () => (await gql(b, ME, {}, other.token)).data.me === null);
  });

  it('a change made behind the API (psql) reaches every instance through the trigger', async () => {
    const me = await person(a);
    for (const y of [a, b]) {
      await gql(y, ME, {}, me.token);
      expect((await gql(y, ME, {}, me.token)).statements).toHaveLength(0);
    }
    await db.prisma.$executeRawUnsafe(
      `UPDATE "User" SET name = '新名字' WHERE email = $1`,
      me.email,
    );
    for (const y of [a, b])
      await eventually(async () => (await gql(y, ME, {}, me.token)).data.me?.name === '新名字');
    await db.prisma.$executeRawUnsafe(
      `UPDATE "Session" SET "expiresAt" = now() - interval '1 minute'
        WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`,
      me.email,
    );
    for (const y of [a, b])
      await eventually(async () => (await gql(y, ME, {}, me.token)).data.me === null);
  });

  it('a revoked API token stops on the next request to that instance, and on the other once told', async () => {
    const created = await gql(
      a,
      'mutation { createApiToken(input: { name: "vc", scopes: [READ_ALL] }) { secret token { id } } }',
      {},
      admin,
    );
    const { secret, token } = created.data.createApiToken;
    const cases = '{ cases(first: 1) { totalCount } }';
    for (const y of [a, b]) {
      expect((await gql(y, cases, {}, secret)).data.cases.totalCount).toBe(0);
      expect(authStatements(await gql(y, cases, {}, secret))).toHaveLength(0);
    }
    await gql(a, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id }, admin);
    const refused = await gql(a, cases, {}, secret);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await eventually(async () => (await gql(b, cases, {}, secret)).data?.cases == null);
  });

  it('while the listener is lost nothing is remembered; once back, it remembers again', async () => {
    const me = await person(a);
    await gql(a, ME, {}, me.token);
    expect((await gql(a, ME, {}, me.token)).statements).toHaveLength(0);
    await db.prisma.$executeRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'gazette-cache-listener' AND datname = current_database()`,
    );
    // Lost: every request asks the database (the listeners reconnect within about a second).
    await eventually(async () => authStatements(await gql(a, ME, {}, me.token)).length === 1);
    await listening(a, me.token);
    await listening(b, me.token);
  });
});

it('GAZETTE_SESSION_CACHE=off (viewerCache: false): every request authenticates', async () => {
  const c = instance(false);
  const { token } = await signIn(c, 'vc-admin@gazette.test');
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 3; i++) expect(authStatements(await gql(c, ME, {}, token))).toHaveLength(1);
});
