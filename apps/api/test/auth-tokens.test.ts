import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/auth/secrets.ts';
import { createHarness, type ApiHarness } from './helpers.ts';

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  secret token { id name prefix scopes createdAt lastUsedAt revokedAt revoked createdBy { email } } } }`;
const LIST = `{ apiTokensPage(perPage: 100) { total nodes { id name prefix scopes lastUsedAt revokedAt } } }`;

let h: ApiHarness;
let admin: { token: string; email: string };

beforeAll(async () => {
  h = await createHarness();
  admin = await h.userToken('ADMIN');
});
afterAll(() => h.close());

async function create(name: string, scopes: string[]) {
  const r = await h.gql(CREATE, { input: { name, scopes } }, admin.token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.createApiToken;
}

describe('API tokens', () => {
  it('shows the secret once, stores only its sha256 and keeps a recognisable prefix', async () => {
    const { secret, token } = await create('市政务服务平台', ['READ_ALL']);
    expect(secret).toMatch(/^gzt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: '市政务服务平台',
      scopes: ['READ_ALL'],
      prefix: secret.slice(0, 10),
      lastUsedAt: null,
      revoked: false,
      createdBy: { email: admin.email },
    });

    const row = await h.db.prisma.apiToken.findFirstOrThrow({ where: { name: '市政务服务平台' } });
    expect(row.tokenHash).toBe(sha256Hex(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    // No later read returns the secret: the type has no such field, and the list holds only the prefix.
    const list = await h.gql(LIST, {}, admin.token);
    expect(JSON.stringify(list.data)).not.toContain(secret);
    expect(
      (await h.gql('{ apiTokensPage { nodes { secret } } }', {}, admin.token)).errors?.[0]?.message,
    ).toMatch(/secret/);
    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'apiToken.create', entityId: row.id },
    });
    const logged = JSON.stringify([audit.before, audit.after]);
    expect(logged).toContain(row.prefix);
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain(row.tokenHash);
  });

  it('records when a token was last used', async () => {
    const { secret, token } = await create('lastUsed', ['READ_PUBLISHED']);
    const before = Date.now();
    await h.gql('{ me { email } }', {}, secret);
    const list = await h.gql(LIST, {}, admin.token);
    const node = list.data!.apiTokensPage.nodes.find((n: { id: string }) => n.id === token.id);
    expect(new Date(node.lastUsedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('reads cases with READ_ALL but can never write, whatever its scope', async () => {
    const { secret } = await create('writer?', ['READ_ALL', 'READ_PUBLISHED']);
    expect((await h.gql('{ casesPage { total } }', {}, secret)).codes).toEqual([]);
    const write = await h.gql(
      'mutation { openDiscretionReview(input: { caseName: "x", subjectName: "y", trigger: ENFORCEMENT_UNIT, filedOn: "2025-01-06" }) { case { id } } }',
      {},
      secret,
    );
    expect(write.codes).toEqual(['FORBIDDEN']);
    expect(await h.db.prisma.discretionCase.count()).toBe(0);
  });

  it('refuses a write scope, an empty scope list and a blank name', async () => {
    const before = await h.db.prisma.apiToken.count();
    // Not a value of the ApiTokenScope enum: refused while coercing the variables.
    const write = await h.gql(CREATE, { input: { name: 'x', scopes: ['WRITE_ALL'] } }, admin.token);
    expect(write.errors![0]!.message).toContain('WRITE_ALL');
    expect(write.data).toBeUndefined();
    const empty = await h.gql(CREATE, { input: { name: 'x', scopes: [] } }, admin.token);
    expect(empty.codes).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors![0]!.extensions?.field).toBe('scopes');
    const blank = await h.gql(CREATE, { input: { name: '  ', scopes: ['READ_ALL'] } }, admin.token);
    expect(blank.errors![0]!.extensions?.field).toBe('name');
    expect(await h.db.prisma.apiToken.count()).toBe(before);
  });

  it('revoking stops the token at once, keeps it listed, and is idempotent', async () => {
    const { secret, token } = await create('to revoke', ['READ_ALL']);
    const r1 = await h.gql(
      'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt revoked } }',
      { id: token.id },
      admin.token,
    );
    expect(r1.data!.revokeApiToken.revoked).toBe(true);
    expect((await h.gql('{ casesPage { total } }', {}, secret)).codes).toEqual(['UNAUTHENTICATED']);
    const r2 = await h.gql(
      'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: token.id },
      admin.token,
    );
    expect(r2.data!.revokeApiToken.revokedAt).toBe(r1.data!.revokeApiToken.revokedAt);
    const revoked = await h.gql(
      '{ apiTokensPage(filter: { revoked: true }) { total nodes { name } } }',
      {},
      admin.token,
    );
    expect(revoked.data!.apiTokensPage.nodes.map((n: { name: string }) => n.name)).toEqual([
      'to revoke',
    ]);
    const audits = await h.db.prisma.auditEntry.count({ where: { action: 'apiToken.revoke' } });
    expect(audits).toBe(1);
  });

  it('stops working when the administrator who created it is deactivated', async () => {
    const creator = await h.userToken('ADMIN');
    const r = await h.gql(
      CREATE,
      { input: { name: 'outlives its creator?', scopes: ['READ_ALL'] } },
      creator.token,
    );
    const secret = r.data!.createApiToken.secret as string;
    expect((await h.gql('{ casesPage { total } }', {}, secret)).errors).toBeUndefined();
    const user = await h.db.prisma.user.findUniqueOrThrow({ where: { email: creator.email } });
    const off = await h.gql(
      'mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { active } }',
      { id: encodeGlobalID('User', user.id), v: user.version },
      admin.token,
    );
    expect(off.errors).toBeUndefined();
    expect((await h.gql('{ casesPage { total } }', {}, secret)).codes).toEqual(['UNAUTHENTICATED']);
  });
});
