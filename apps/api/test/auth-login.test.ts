import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/auth/secrets.ts';
import { PASSWORD, createHarness, type ApiHarness } from './helpers.ts';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt } }';
const ME = '{ me { email role active } }';

let h: ApiHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('login', () => {
  it('returns an opaque token that identifies the user, stored only as its sha256 with a 12-hour expiry', async () => {
    const { token, userId, email } = await h.userToken(
      'SUPERVISOR',
      'Sup.One@gazette.test'.toLowerCase(),
    );
    expect(token).toMatch(/^gzs_[A-Za-z0-9_-]{43}$/);
    const me = await h.gql(ME, {}, token);
    expect(me.data?.me).toEqual({ email, role: 'SUPERVISOR', active: true });

    const sessions = await h.db.prisma.session.findMany({ where: { userId } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).toBe(sha256Hex(token));
    const hours = (sessions[0]!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
  });

  it('me answers from the row the session check read: one statement, every field as Prisma reads it', async () => {
    const { token, userId } = await h.userToken('VIEWER');
    await h.db.prisma.user.update({ where: { id: userId }, data: { name: '读者甲' } });
    const r = await h.gql(
      '{ me { id email name role active version createdAt updatedAt } }',
      {},
      token,
    );
    expect(r.statements).toHaveLength(1);
    const row = await h.db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(r.data?.me).toEqual({
      id: Buffer.from(`User:${userId}`).toString('base64'),
      email: row.email,
      name: '读者甲',
      role: 'VIEWER',
      active: true,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    });
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const { email } = await h.userToken('VIEWER');
    const r = await h.gql(LOGIN, { e: `  ${email.toUpperCase()} `, p: PASSWORD });
    expect(r.data?.login.token).toMatch(/^gzs_/);
  });

  it('answers a wrong password and an unknown email with the same UNAUTHENTICATED message', async () => {
    const { email } = await h.userToken('VIEWER');
    const wrong = await h.gql(LOGIN, { e: email, p: 'not the password' });
    const unknown = await h.gql(LOGIN, { e: 'nobody@gazette.test', p: 'not the password' });
    expect(wrong.codes).toEqual(['UNAUTHENTICATED']);
    expect(unknown.codes).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors![0]!.message).toBe('邮箱或密码错误');
    expect(unknown.errors![0]!.message).toBe(wrong.errors![0]!.message);
    expect(wrong.data).toBeNull();
  });

  it('refuses a deactivated account with the same message', async () => {
    const { email, userId } = await h.userToken('VIEWER');
    await h.db.prisma.user.update({ where: { id: userId }, data: { active: false } });
    const r = await h.gql(LOGIN, { e: email, p: PASSWORD });
    expect(r.codes).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0]!.message).toBe('邮箱或密码错误');
  });

  it('delays the address guessing an account after three wrong passwords (RATE_LIMITED, Retry-After), writing no session', async () => {
    const { email, userId } = await h.userToken('ADMIN');
    await h.db.prisma.session.deleteMany({ where: { userId } });
    for (let i = 0; i < 3; i++) {
      const r = await h.gql(LOGIN, { e: email, p: `guess ${i}` }, null, '192.0.2.66');
      expect(r.errors![0]!.message).toBe('邮箱或密码错误');
    }
    const delayed = await h.gql(LOGIN, { e: email, p: PASSWORD }, null, '192.0.2.66');
    expect(delayed.codes).toEqual(['RATE_LIMITED']);
    expect(delayed.errors![0]!.message).toMatch(/登录尝试过于频繁/);
    expect(Number(delayed.retryAfter)).toBeGreaterThan(0);
    expect(delayed.errors![0]!.extensions?.retryAfterSeconds).toBe(Number(delayed.retryAfter));
    expect(await h.db.prisma.session.count({ where: { userId } })).toBe(0);
  });

  it('never locks the owner out: the right password from their own address still works', async () => {
    const { email } = await h.userToken('ADMIN');
    // A stranger guesses from elsewhere, again and again.
    for (let i = 0; i < 8; i++)
      await h.gql(LOGIN, { e: email, p: `guess ${i}` }, null, '198.51.100.99');
    const stranger = await h.gql(LOGIN, { e: email, p: 'guess 9' }, null, '198.51.100.99');
    expect(stranger.codes).toEqual(['RATE_LIMITED']);
    const owner = await h.gql(LOGIN, { e: email, p: PASSWORD }, null, '192.0.2.10');
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.login.token).toMatch(/^gzs_/);
  });

  it('doubles the delay with each further failure, and lets the address try again once it has passed', async () => {
    const { email } = await h.userToken('VIEWER');
    const address = '192.0.2.77';
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await h.gql(LOGIN, { e: email, p: `guess ${i}` }, null, address);
      const row = await h.db.prisma.loginThrottle.findUnique({
        where: { key: `ea:${email}|${address}` },
      });
      waits.push(
        row?.blockedUntil && row.blockedUntil.getTime() > Date.now()
          ? Math.round((row.blockedUntil.getTime() - Date.now()) / 1000)
          : 0,
      );
      // Let it pass at once, so the next guess is counted.
      await h.db.prisma.loginThrottle.updateMany({
        where: { key: `ea:${email}|${address}` },
        data: { blockedUntil: new Date(Date.now() - 1000) },
      });
    }
    expect(waits).toEqual([0, 0, 1, 2, 4]);
    const ok = await h.gql(LOGIN, { e: email, p: PASSWORD }, null, address);
    expect(ok.errors).toBeUndefined();
    // A success clears the pair's count.
    expect(
      await h.db.prisma.loginThrottle.count({ where: { key: `ea:${email}|${address}` } }),
    ).toBe(0);
  });

  it('treats an unknown email the same way, so throttling reveals nothing either', async () => {
    for (let i = 0; i < 3; i++)
      await h.gql(LOGIN, { e: 'ghost@gazette.test', p: `guess ${i}` }, null, '192.0.2.88');
    const r = await h.gql(LOGIN, { e: 'ghost@gazette.test', p: 'guess 6' }, null, '192.0.2.88');
    expect(r.codes).toEqual(['RATE_LIMITED']);
  });
});

describe('login throttling per client address', () => {
  it('locks an address that sprays 20 wrong guesses over many emails, but not other addresses', async () => {
    const { email } = await h.userToken('VIEWER');
    for (let i = 0; i < 20; i++) {
      const r = await h.gql(
        LOGIN,
        { e: `spray${i}@gazette.test`, p: 'guess' },
        null,
        '203.0.113.7',
      );
      expect(r.errors![0]!.message).toBe('邮箱或密码错误');
    }
    const locked = await h.gql(LOGIN, { e: email, p: PASSWORD }, null, '203.0.113.7');
    expect(locked.codes).toEqual(['RATE_LIMITED']);
    expect(locked.errors![0]!.message).toMatch(/登录尝试过于频繁/);
    const elsewhere = await h.gql(LOGIN, { e: email, p: PASSWORD }, null, '198.51.100.1');
    expect(elsewhere.data?.login.token).toMatch(/^gzs_/);
  });

  it('trusts X-Forwarded-For only when GAZETTE_TRUST_PROXY=1', async () => {
    const { clientAddressOf } = await import('../src/context.ts');
    const req = new Request('http://x/graphql', {
      headers: { 'x-forwarded-for': '1.1.1.1, 10.0.0.2' },
    });
    expect(clientAddressOf(req, '10.0.0.1')).toBe('10.0.0.1');
    process.env.GAZETTE_TRUST_PROXY = '1';
    try {
      expect(clientAddressOf(req, '10.0.0.1')).toBe('10.0.0.2');
    } finally {
      delete process.env.GAZETTE_TRUST_PROXY;
    }
  });
});

describe('sessions', () => {
  it('logout ends the session: the token then reads as anonymous', async () => {
    const { token } = await h.userToken('VIEWER');
    const out = await h.gql('mutation { logout }', {}, token);
    expect(out.data?.logout).toBe(true);
    const me = await h.gql(ME, {}, token);
    expect(me.data?.me).toBeNull();
    const cases = await h.gql('{ casesPage { total } }', {}, token);
    expect(cases.codes).toEqual(['UNAUTHENTICATED']);
  });

  it('an expired session is anonymous', async () => {
    const { token, userId } = await h.userToken('VIEWER');
    await h.db.prisma.session.updateMany({
      where: { userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await h.gql(ME, {}, token)).data?.me).toBeNull();
  });

  it('deactivating a user ends their sessions at once', async () => {
    const admin = await h.userToken('ADMIN');
    const viewer = await h.userToken('VIEWER');
    const node = await h.db.prisma.user.findUniqueOrThrow({ where: { id: viewer.userId } });
    const list = await h.gql('{ usersPage(perPage: 100) { nodes { id email } } }', {}, admin.token);
    const gid = list.data!.usersPage.nodes.find(
      (n: { email: string }) => n.email === viewer.email,
    ).id;
    const r = await h.gql(
      'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { active } }',
      { id: gid, v: node.version },
      admin.token,
    );
    expect(r.data?.deactivateUser.active).toBe(false);
    expect((await h.gql(ME, {}, viewer.token)).data?.me).toBeNull();
  });

  it('a malformed or unknown bearer is anonymous, not an error', async () => {
    expect((await h.gql(ME, {}, 'gzs_nope')).data?.me).toBeNull();
    expect((await h.gql(ME, {}, 'garbage')).data?.me).toBeNull();
  });

  it('writes an audit entry for a login', async () => {
    const { userId, email } = await h.userToken('VIEWER');
    const entries = await h.db.prisma.auditEntry.findMany({
      where: { action: 'session.login', actorId: userId },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actorLabel).toBe(email);
  });
});
