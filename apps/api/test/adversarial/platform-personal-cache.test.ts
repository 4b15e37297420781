// Personal answers (issue 9): the confidential reads a signed-in desk repeats (a case, the case
// lists, the audit log) are kept per person, in process, and forgotten by every write that could
// change them: a mutation, a sign-in or sign-out (before its response), and any change to cases,
// their events and notices or the audit log made anywhere (NOTIFY gazette_private from a trigger).
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.ts';
import {
  PERSONAL_ROOT_FIELDS,
  PERSONAL_TYPES,
  withPersonalAnswers,
  inMemoryFlushableCache,
  personalAnswersStore,
  PERSONAL_KEY_PREFIX,
  type FlushableCache,
} from '../../src/platform/response-cache.ts';
import { schema } from '../../src/schema/index.ts';
import { createCachingInstances, PASSWORD, waitUntil, type CachingInstances } from '../helpers.ts';

const CASE = `query Case($id: ID!) {
  case(id: $id) { id caseName state reviewDeadline notices { kind number issuedOn } }
}`;
const CASES = '{ cases(first: 25) { totalCount edges { node { id caseName filedOn } } } }';
const AUDIT =
  '{ auditEntriesPage(page: 1, perPage: 25) { total nodes { action entity actorLabel } } }';

let env: CachingInstances;
let caseId: string;
beforeAll(async () => {
  env = await createCachingInstances();
  const passwordHash = await hashPassword(PASSWORD);
  for (const [email, role] of [
    ['admin-a@gazette.test', 'ADMIN'],
    ['admin-b@gazette.test', 'ADMIN'],
    ['viewer@gazette.test', 'VIEWER'],
  ] as const)
    await env.db.prisma.user.create({ data: { email, role, passwordHash } });
  const row = await env.db.prisma.discretionCase.create({
    data: {
      caseName: '某超市销售过期食品案',
      subjectName: '某超市',
      trigger: 'SUBJECT_APPLICATION',
      filedOn: new Date('2025-01-06'),
    },
  });
  caseId = encodeGlobalID('DiscretionCase', row.id);
});
afterAll(async () => {
  await env?.close();
});

/** An instance whose invalidation listener is up (a repeated published read runs no SQL). */
async function ready(options?: { personalCache?: boolean }) {
  const yoga = env.instance(options);
  const probe = '{ organizations(first: 1) { totalCount } }';
  expect(
    await waitUntil(async () => (await env.gql(yoga, probe, {})).statements.length === 0),
  ).toBe(true);
  return yoga;
}

/**
 * Until a repeated read is served with no SQL: a sign-in's own audit entry also arrives as a
 * gazette_private notification, milliseconds after its response, and flushes once more.
 */
const kept = (
  yoga: Parameters<CachingInstances['gql']>[0],
  query: string,
  variables: Record<string, unknown>,
  token: string,
) => waitUntil(async () => (await env.gql(yoga, query, variables, token)).statements.length === 0);

describe('personal answers', () => {
  it('a repeated case read runs no SQL for the same person, and runs for another one', async () => {
    const yoga = await ready();
    const a = await env.signIn(yoga, 'admin-a@gazette.test');
    const b = await env.signIn(yoga, 'admin-b@gazette.test');
    const first = await env.gql(yoga, CASE, { id: caseId }, a);
    expect(first.errors).toBeUndefined();
    expect(first.data.case.caseName).toBe('某超市销售过期食品案');
    expect(first.statements.length).toBeGreaterThan(0);
    expect(await kept(yoga, CASE, { id: caseId }, a)).toBe(true);
    const again = await env.gql(yoga, CASE, { id: caseId }, a);
    expect(again.data).toEqual(first.data);
    expect(again.statements).toEqual([]);
    // Another person with the same role: their own answer, read from the database.
    const other = await env.gql(yoga, CASE, { id: caseId }, b);
    expect(other.data).toEqual(first.data);
    expect(other.statements.length).toBeGreaterThan(0);
    // The lists too.
    for (const query of [CASES, AUDIT]) {
      const once = await env.gql(yoga, query, {}, a);
      expect(once.errors).toBeUndefined();
      expect(await kept(yoga, query, {}, a)).toBe(true);
      const twice = await env.gql(yoga, query, {}, a);
      expect(twice.data).toEqual(once.data);
      expect(twice.statements).toEqual([]);
    }
  });

  it('a refused read is never kept: anonymous and a viewer asking for the audit log', async () => {
    const yoga = await ready();
    const viewer = await env.signIn(yoga, 'viewer@gazette.test');
    for (let i = 0; i < 2; i++) {
      const anonymous = await env.gql(yoga, CASE, { id: caseId });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const refused = await env.gql(yoga, AUDIT, {}, viewer);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // The viewer's own case read is kept for the viewer.
    const mine = await env.gql(yoga, CASE, { id: caseId }, viewer);
    expect(mine.data.case.id).toBe(caseId);
    expect(await kept(yoga, CASE, { id: caseId }, viewer)).toBe(true);
  });

  it('a mutation is seen by the next read, by everyone', async () => {
    const yoga = await ready();
    const a = await env.signIn(yoga, 'admin-a@gazette.test');
    const b = await env.signIn(yoga, 'admin-b@gazette.test');
    expect(await kept(yoga, CASE, { id: caseId }, a)).toBe(true);
    expect(await kept(yoga, CASE, { id: caseId }, b)).toBe(true);
    expect(await kept(yoga, AUDIT, {}, a)).toBe(true);
    const version = (
      await env.gql(yoga, 'query($id: ID!) { case(id: $id) { version } }', { id: caseId }, a)
    ).data.case.version as number;
    const renamed = await env.gql(
      yoga,
      'mutation($id: ID!, $v: Int!) { updateCase(id: $id, version: $v, input: { caseName: "某超市销售过期食品案(更正)" }) { caseName } }',
      { id: caseId, v: version },
      a,
    );
    expect(renamed.errors).toBeUndefined();
    for (const token of [a, b]) {
      const read = await env.gql(yoga, CASE, { id: caseId }, token);
      expect(read.data.case.caseName).toBe('某超市销售过期食品案(更正)');
      expect(read.statements.length).toBeGreaterThan(0);
    }
    // …and the audit log shows the write to whoever had the page before it.
    const log = await env.gql(yoga, AUDIT, {}, a);
    expect(log.data.auditEntriesPage.nodes[0].action).toBe('case.update');
  });

  it('a sign-in is in the audit log the moment its response arrives', async () => {
    const yoga = await ready();
    const a = await env.signIn(yoga, 'admin-a@gazette.test');
    expect(await kept(yoga, AUDIT, {}, a)).toBe(true);
    const before = await env.gql(yoga, AUDIT, {}, a);
    expect(before.statements).toEqual([]);
    await env.signIn(yoga, 'admin-b@gazette.test');
    const after = await env.gql(yoga, AUDIT, {}, a);
    expect(after.statements.length).toBeGreaterThan(0);
    expect(after.data.auditEntriesPage.total).toBe(before.data.auditEntriesPage.total + 1);
    expect(after.data.auditEntriesPage.nodes[0]).toMatchObject({
      action: 'session.login',
      actorLabel: 'admin-b@gazette.test',
    });
  });

  it('a write behind the API (a job, psql) reaches every instance through gazette_private', async () => {
    const one = await ready();
    const two = await ready();
    const a1 = await env.signIn(one, 'admin-a@gazette.test');
    const a2 = await env.signIn(two, 'admin-a@gazette.test');
    const read = (yoga: typeof one, token: string) => env.gql(yoga, CASE, { id: caseId }, token);
    expect(await kept(one, CASE, { id: caseId }, a1)).toBe(true);
    expect(await kept(two, CASE, { id: caseId }, a2)).toBe(true);
    await env.db.prisma
      .$executeRaw`UPDATE "DiscretionCase" SET "subjectName" = "subjectName", "caseName" = '直接写入的名称'`;
    for (const [yoga, token] of [
      [one, a1],
      [two, a2],
    ] as const)
      expect(
        await waitUntil(
          async () => (await read(yoga, token)).data.case.caseName === '直接写入的名称',
        ),
      ).toBe(true);
    // A new audit entry written by a job, the same.
    expect(await kept(one, AUDIT, {}, a1)).toBe(true);
    const log = await env.gql(one, AUDIT, {}, a1);
    await env.db.prisma.auditEntry.create({
      data: { actorLabel: 'system', action: 'job.test', entity: 'DiscretionCase', entityId: '1' },
    });
    expect(
      await waitUntil(async () => {
        const page = await env.gql(one, AUDIT, {}, a1);
        return page.data.auditEntriesPage.total === log.data.auditEntriesPage.total + 1;
      }),
    ).toBe(true);
  });

  it('GAZETTE_PERSONAL_CACHE=off: every case read runs', async () => {
    const yoga = await ready({ personalCache: false });
    const a = await env.signIn(yoga, 'admin-a@gazette.test');
    const first = await env.gql(yoga, CASE, { id: caseId }, a);
    const again = await env.gql(yoga, CASE, { id: caseId }, a);
    expect(again.data).toEqual(first.data);
    expect(again.statements.length).toBeGreaterThan(0);
  });
});

describe('what a personal answer can hold', () => {
  it('only the types whose data the gazette_private tables hold (and their pages)', () => {
    const seen = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      if (!isObjectType(type) && !isInterfaceType(type) && !isUnionType(type)) return;
      seen.add(type.name);
      if (isUnionType(type)) return type.getTypes().forEach(visit);
      if (isInterfaceType(type)) return schema.getImplementations(type).objects.forEach(visit);
      for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    };
    const query = schema.getQueryType()!;
    for (const name of PERSONAL_ROOT_FIELDS) {
      const field = query.getFields()[name];
      expect(field, `Query.${name}`).toBeDefined();
      visit(getNamedType(field!.type));
    }
    // A new type here needs its own invalidation (a trigger on its table, see migration
    // personal_notify) before it joins PERSONAL_TYPES.
    expect([...seen].sort()).toEqual([...PERSONAL_TYPES].sort());
  });
});

describe('withPersonalAnswers', () => {
  it('keeps personal answers out of the shared store (Redis), and flushes them alone', async () => {
    const sharedKeys: string[] = [];
    const shared = inMemoryFlushableCache();
    const spy: FlushableCache = {
      ...shared,
      cache: {
        ...shared.cache,
        set: (key, data, entities, ttl) => {
          sharedKeys.push(key);
          return shared.cache.set(key, data, entities, ttl);
        },
      },
      started: (key) => shared.started(key),
      flush: () => shared.flush(),
    };
    const store = withPersonalAnswers(spy);
    const personalKey = `${PERSONAL_KEY_PREFIX}k`;
    for (const key of ['published', personalKey]) {
      store.started(key);
      await store.cache.set(key, { data: { key } }, [], 60_000);
    }
    expect(sharedKeys).toEqual(['published']);
    expect(await store.cache.get(personalKey)).toEqual({ data: { key: personalKey } });
    const generation = store.generation;
    await store.flushPersonal!();
    expect(store.generation).toBeGreaterThan(generation);
    expect(await store.cache.get(personalKey)).toBeNull();
    expect(await store.cache.get('published')).toEqual({ data: { key: 'published' } });
    await store.flush();
    expect(await store.cache.get('published')).toBeNull();
  });

  it('never keeps a personal answer whose read started before a flush', async () => {
    const store = withPersonalAnswers(inMemoryFlushableCache());
    const key = `${PERSONAL_KEY_PREFIX}late`;
    store.started(key);
    await store.flushPersonal!();
    await store.cache.set(key, { data: {} }, [], 60_000);
    expect(await store.cache.get(key)).toBeNull();
  });

  it('bounds the personal store by size: no huge answer, the oldest dropped first', async () => {
    const store = personalAnswersStore(80_000, 100); // at most 10,000 bytes per answer
    const answer = (chars: number) => ({ data: { text: 'x'.repeat(chars) } });
    const keep = async (key: string, chars: number, ttl = 60_000) => {
      store.started(key);
      await store.cache.set(key, answer(chars), [], ttl);
    };
    await keep('huge', 6_000); // ≈ 12,000 bytes: more than an eighth of the store
    expect(await store.cache.get('huge')).toBeNull();
    for (let i = 0; i < 12; i++) await keep(`k${i}`, 3_900); // 7,840 bytes each with its JSON
    // Ten fit in 80,000 bytes: the two oldest are gone, the newest are there.
    expect(await store.cache.get('k0')).toBeNull();
    expect(await store.cache.get('k1')).toBeNull();
    expect(await store.cache.get('k11')).toEqual(answer(3_900));
    expect(await store.cache.get('k2')).toEqual(answer(3_900));
    await keep('brief', 10, 1);
    await new Promise((r) => setTimeout(r, 10));
    expect(await store.cache.get('brief')).toBeNull(); // past its TTL
  });
});
