// Authentication costs one SQL statement per request (session or token joined with its user),
// and nothing is cached: revocation, sign-out and deactivation hold on the very next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, createHarness, type Api } from '../helpers.ts';

let api: Api;
beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

const ME = '{ me { email role } }';

describe('one statement to authenticate', () => {
  it('an anonymous request (no Authorization, or one that is not a bearer) runs no statement to authenticate', async () => {
    expect((await api.gql('{ __typename }')).statements).toHaveLength(0);
    const basic = await api.post(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'application/json',
      authorization: 'Basic eDp5',
    });
    expect(await basic.json()).toEqual({ data: { __typename: 'Query' } });
    expect(api.lastStatements()).toHaveLength(0);
  });

  it('a session: one statement for the whole of a request that needs nothing else', async () => {
    const token = await api.tokenFor('VIEWER');
    const r = await api.gql('{ __typename }', {}, { token });
    expect(r.data).toEqual({ __typename: 'Query' });
    expect(r.statements).toHaveLength(1);
    const me = await api.gql(ME, {}, { token });
    expect(me.data?.me.role).toBe('VIEWER');
  });

  it('an API token: one statement, lastUsedAt written by it at most once a minute, and the token stops with its creator', async () => {
    const admin = await api.tokenFor('ADMIN');
    const created = await api.gql<{ createApiToken: { secret: string; token: { id: string } } }>(
      'mutation { createApiToken(input: { name: "平台", scopes: [READ_PUBLISHED] }) { secret token { id } } }',
      {},
      { token: admin },
    );
    const secret = created.data!.createApiToken.secret;
    const first = await api.gql('{ __typename }', {}, { token: secret });
    expect(first.statements).toHaveLength(1);
    const row = await api.db.prisma.apiToken.findFirstOrThrow({ where: { name: '平台' } });
    expect(row.lastUsedAt).not.toBeNull();
    const second = await api.gql('{ __typename }', {}, { token: secret });
    expect(second.statements).toHaveLength(1);
    expect(
      (await api.db.prisma.apiToken.findFirstOrThrow({ where: { id: row.id } })).lastUsedAt,
    ).toEqual(row.lastUsedAt);
    // Still a reader of published data.
    const reads = await api.gql('{ policies(first: 1) { totalCount } }', {}, { token: secret });
    expect(reads.errors).toBeUndefined();

    // Its creator is deactivated: the very next request is anonymous.
    await api.db.prisma.user.update({ where: { id: row.createdById }, data: { active: false } });
    const after = await api.gql('{ auditEntries(first: 1) { totalCount } }', {}, { token: secret });
    expect(after.codes).toEqual(['UNAUTHENTICATED']);
    await api.db.prisma.user.update({ where: { id: row.createdById }, data: { active: true } });
    await api.db.prisma.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    const revoked = await api.gql(ME, {}, { token: secret });
    expect(revoked.data?.me ?? null).toBeNull();
  });

  it('a deactivated user or an expired session is anonymous at once', async () => {
    const token = await api.tokenFor('SUPERVISOR');
    expect((await api.gql(ME, {}, { token })).data?.me.role).toBe('SUPERVISOR');
    await api.db.prisma.session.updateMany({
      where: { user: { role: 'SUPERVISOR' } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await api.gql(ME, {}, { token })).data?.me ?? null).toBeNull();
  });
});

describe('authentication on the pg driver', () => {
  it('a session and an API token are each looked up by a named statement, prepared once per connection and executed again after', async () => {
    // One connection: every statement of the test shares it, so its prepared statements show.
    const harness = await createHarness({ maxConnections: 1 });
    try {
      const { token } = await harness.userToken('ADMIN');
      const created = await harness.gql<{ createApiToken: { secret: string } }>(
        'mutation { createApiToken(input: { name: "统计", scopes: [READ_PUBLISHED] }) { secret } }',
        {},
        token,
      );
      const secret = created.data!.createApiToken.secret;
      for (const bearer of [token, secret, token, secret]) {
        const r = await harness.gql('{ __typename }', {}, bearer);
        expect(r.data).toEqual({ __typename: 'Query' });
        expect(r.statements).toHaveLength(1);
      }
      const prepared = await harness.db.prisma.$queryRaw<
        { name: string; runs: number; statement: string }[]
      >`SELECT name, (generic_plans + custom_plans)::int AS runs, statement
          FROM pg_prepared_statements ORDER BY name`;
      expect(prepared.map((p) => p.name)).toEqual(['gazette_auth_session', 'gazette_auth_token']);
      // One statement each, run again and again: the session's by createApiToken and two
      // requests, the token's by two requests.
      expect(prepared[0]!.runs).toBe(3);
      expect(prepared[0]!.statement).toContain('"Session"');
      expect(prepared[1]!.runs).toBe(2);
    } finally {
      await harness.close();
    }
  });
});
