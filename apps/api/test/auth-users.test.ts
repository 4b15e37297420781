import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type ApiHarness } from './helpers.ts';

const CREATE =
  'mutation($input: CreateUserInput!) { createUser(input: $input) { id email name role active version } }';
const UPDATE =
  'mutation($id: ID!, $v: Int!, $input: UpdateUserInput!) { updateUser(id: $id, version: $v, input: $input) { id role name active version } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

let h: ApiHarness;
let admin: { token: string; userId: string };

beforeAll(async () => {
  h = await createHarness();
  admin = await h.userToken('ADMIN');
});
afterAll(() => h.close());

async function create(email: string, role = 'VIEWER', password = 'a long password') {
  return h.gql(CREATE, { input: { email, name: '张三', role, password } }, admin.token);
}

describe('users administration', () => {
  it('creates a user who can then sign in; the password is stored only as a scrypt hash', async () => {
    const r = await create(' Li.Si@Gazette.test ', 'SUPERVISOR');
    expect(r.data!.createUser).toMatchObject({
      email: 'li.si@gazette.test',
      role: 'SUPERVISOR',
      active: true,
      version: 1,
    });
    const row = await h.db.prisma.user.findUniqueOrThrow({
      where: { email: 'li.si@gazette.test' },
    });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain('a long password');
    expect(
      (await h.gql(LOGIN, { e: 'li.si@gazette.test', p: 'a long password' })).data!.login.token,
    ).toMatch(/^gzs_/);
    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'user.create', entityId: row.id },
    });
    expect(audit.actorId).toBe(admin.userId);
    expect(JSON.stringify(audit.after)).not.toContain('scrypt');
  });

  it('refuses a duplicate email, a short password and a malformed email, naming the field', async () => {
    await create('dup@gazette.test');
    const count = await h.db.prisma.user.count();
    const attempts: [Parameters<typeof create>, string][] = [
      [['DUP@gazette.test'], 'email'],
      [['short@gazette.test', 'VIEWER', 'short'], 'password'],
      [['not-an-email'], 'email'],
    ];
    for (const [input, field] of attempts) {
      const r = await create(...input);
      expect(r.codes).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions?.field).toBe(field);
    }
    expect(await h.db.prisma.user.count()).toBe(count);
  });

  it('updates with the current version and refuses a stale one with CONFLICT, changing nothing', async () => {
    const u = (await create('editme@gazette.test')).data!.createUser;
    const ok = await h.gql(
      UPDATE,
      { id: u.id, v: 1, input: { role: 'SUPERVISOR', name: '李四' } },
      admin.token,
    );
    expect(ok.data!.updateUser).toMatchObject({ role: 'SUPERVISOR', name: '李四', version: 2 });
    const before = await h.db.prisma.user.findUniqueOrThrow({
      where: { email: 'editme@gazette.test' },
    });
    const stale = await h.gql(UPDATE, { id: u.id, v: 1, input: { role: 'ADMIN' } }, admin.token);
    expect(stale.codes).toEqual(['CONFLICT']);
    expect(
      await h.db.prisma.user.findUniqueOrThrow({ where: { email: 'editme@gazette.test' } }),
    ).toEqual(before);
    const audits = await h.db.prisma.auditEntry.findMany({
      where: { entity: 'User', entityId: before.id },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(['user.create', 'user.update']);
    expect(audits[1]!.before).toMatchObject({ role: 'VIEWER', version: 1 });
    expect(audits[1]!.after).toMatchObject({ role: 'SUPERVISOR', version: 2 });
  });

  it('a new password replaces the old one and ends open sessions', async () => {
    const u = (await create('pw@gazette.test')).data!.createUser;
    const session = (await h.gql(LOGIN, { e: 'pw@gazette.test', p: 'a long password' })).data!.login
      .token;
    await h.gql(UPDATE, { id: u.id, v: 1, input: { password: 'another long one' } }, admin.token);
    expect((await h.gql('{ me { email } }', {}, session)).data!.me).toBeNull();
    expect(
      (await h.gql(LOGIN, { e: 'pw@gazette.test', p: 'another long one' })).data!.login.token,
    ).toMatch(/^gzs_/);
  });

  it('never deactivates or demotes the last active administrator', async () => {
    const others = await h.db.prisma.user.findMany({
      where: { role: 'ADMIN', id: { not: admin.userId } },
    });
    expect(others).toEqual([]);
    const me = (await h.gql('{ me { id version } }', {}, admin.token)).data!.me;
    const r = await h.gql(
      'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { active } }',
      { id: me.id, v: me.version },
      admin.token,
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    const demote = await h.gql(
      UPDATE,
      { id: me.id, v: me.version, input: { role: 'VIEWER' } },
      admin.token,
    );
    expect(demote.codes).toEqual(['BAD_USER_INPUT']);
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).role).toBe(
      'ADMIN',
    );
  });

  it('lists a page with a total, filtered and sorted', async () => {
    await create('page-b@gazette.test');
    await create('page-a@gazette.test');
    await create('page-c@gazette.test', 'SUPERVISOR');
    const r = await h.gql(
      '{ usersPage(page: 1, perPage: 2, sort: { field: "email", order: DESC }, filter: { q: "page-", role: VIEWER }) { total nodes { email } } }',
      {},
      admin.token,
    );
    expect(r.data!.usersPage).toEqual({
      total: 2,
      nodes: [{ email: 'page-b@gazette.test' }, { email: 'page-a@gazette.test' }],
    });
  });

  it('a user sees their own record through me and node, but not others', async () => {
    const viewer = await h.userToken('VIEWER');
    const me = (await h.gql('{ me { id email } }', {}, viewer.token)).data!.me;
    const own = await h.gql(
      'query($id: ID!) { node(id: $id) { ... on User { email } } }',
      { id: me.id },
      viewer.token,
    );
    expect(own.data!.node).toEqual({ email: me.email });
    const adminMe = (await h.gql('{ me { id } }', {}, admin.token)).data!.me;
    const other = await h.gql(
      'query($id: ID!) { node(id: $id) { ... on User { email } } }',
      { id: adminMe.id },
      viewer.token,
    );
    expect(other.codes).toEqual(['FORBIDDEN']);
    expect(other.data!.node).toBeNull();
  });
});
