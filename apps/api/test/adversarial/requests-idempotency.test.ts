// Idempotency-Key: a retried create returns the first result and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../helpers.ts';

let api: Api;
let admin: string;
beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
});
afterAll(async () => {
  await api?.close();
});

const CREATE =
  'mutation($input: OrganizationInput!) { createOrganization(input: $input) { id name } }';

async function send(key: string | null, name: string, token = admin) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  };
  if (key) headers['idempotency-key'] = key;
  const res = await api.yoga.fetch('http://gazette.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: CREATE, variables: { input: { name, type: 'DEPARTMENT' } } }),
  });
  return (await res.json()) as {
    data?: { createOrganization: { id: string; name: string } } | null;
    errors?: { extensions: Record<string, unknown> }[];
  };
}

const count = (prefix: string) =>
  api.db.prisma.organization.count({ where: { name: { startsWith: prefix } } });

describe('Idempotency-Key', () => {
  it('50 creates each sent twice at once with the same key make 50 rows, and both copies get the same answer', async () => {
    const run = `并发-${Date.now()}-`;
    const pairs = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        Promise.all([send(`create-${i}`, `${run}${i}`), send(`create-${i}`, `${run}${i}`)]),
      ),
    );
    for (const [a, b] of pairs) {
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      expect(b.data?.createOrganization.id).toBe(a.data?.createOrganization.id);
    }
    expect(await count(run)).toBe(50);
  }, 60_000);

  it('a later retry returns the first result and writes nothing; without a key it would duplicate', async () => {
    const name = `重试-${Date.now()}`;
    const first = await send('retry-1', name);
    const before = await api.db.prisma.auditEntry.count();
    const again = await send('retry-1', name);
    expect(again).toEqual(first);
    expect(await api.db.prisma.auditEntry.count()).toBe(before);
    // The same create without a key is a new request (refused here by the unique name).
    const unkeyed = await send(null, name);
    expect(unkeyed.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('the same key with a different request is a CONFLICT and changes nothing', async () => {
    await send('reused', `甲-${Date.now()}`);
    const other = `乙-${Date.now()}`;
    const r = await send('reused', other);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(await count(other)).toBe(0);
  });

  it('keys belong to their caller: another caller with the same key runs its own request', async () => {
    const other = await api.tokenFor('SUPERVISOR');
    const mine = await send('shared-key', `丙-${Date.now()}`);
    expect(mine.errors).toBeUndefined();
    const theirs = await send('shared-key', `丙-${Date.now()}`, other);
    expect(theirs.data?.createOrganization?.id).not.toBe(mine.data?.createOrganization.id);
  });

  it('a failed request gives its key back; an expired key runs again', async () => {
    const name = `丁-${Date.now()}`;
    const bad = await send('fails-first', '');
    expect(bad.errors?.length).toBeGreaterThan(0);
    expect(await api.db.prisma.idempotencyKey.count({ where: { key: 'fails-first' } })).toBe(0);

    const first = await send('expires', name);
    await api.db.prisma.idempotencyKey.updateMany({
      where: { key: 'expires' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const after = await send('expires', name);
    // Ran again: the name is taken by the first run now.
    expect(first.errors).toBeUndefined();
    expect(after.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
