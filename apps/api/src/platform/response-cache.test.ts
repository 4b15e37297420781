// The response cache builds no key for a multipart upload: the key hashes the variables, and an
// upload's variables hold the file, whose bytes would be serialised into JSON (issue 9: a 4 MiB
// rate CSV became tens of megabytes and blocked the event loop during the import). Identical
// reads in flight at once execute once (single flight).
import { createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import { createSchema, createYoga } from 'graphql-yoga';
import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@gazette/db';
import {
  singleFlight,
  useGazetteResponseCache,
  type FlushableCache,
  type SingleFlight,
} from './response-cache.ts';

function yogaWithCache(flights?: SingleFlight) {
  const executed: OperationDefinitionNode[] = [];
  // `slow`, `bump` and `broken` answer when the test opens the gate (release).
  let open = () => {};
  const closed = () => new Promise<void>((resolve) => (open = resolve));
  let gate = closed();
  const gatedLength = async (
    _: unknown,
    args: { text: string },
    _ctx: unknown,
    info: GraphQLResolveInfo,
  ) => {
    executed.push(info.operation);
    await gate;
    return args.text.length;
  };
  const schema = createSchema({
    typeDefs: `scalar File
      type Query { size(text: String!): Int, me: String, slow(text: String!): Int, broken: Int }
      type Mutation { upload(file: File!): Int, bump(text: String!): Int }`,
    resolvers: {
      Query: {
        slow: gatedLength,
        broken: async (_: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
          executed.push(info.operation);
          await gate;
          throw new Error('出错了');
        },
        size: (_: unknown, args: { text: string }, _ctx: unknown, info: GraphQLResolveInfo) => {
          executed.push(info.operation);
          return args.text.length;
        },
        me: (_: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
          executed.push(info.operation);
          return 'someone';
        },
      },
      Mutation: {
        upload: async (_: unknown, args: { file: File }) => (await args.file.text()).length,
        bump: gatedLength,
      },
    },
  });
  const keys: string[] = [];
  const store: FlushableCache = {
    cache: createInMemoryCache(),
    started: (key) => keys.push(key),
    flush: async () => {},
    generation: 0,
    active: true,
  };
  // Anonymous requests: the viewer needs no query; a mutation's flush notifies the other instances.
  const prisma = { $executeRaw: async () => 0 } as unknown as PrismaClient;
  const yoga = createYoga({
    schema,
    logging: false,
    plugins: useGazetteResponseCache({
      prisma,
      store,
      schema,
      namespace: 'test',
      instanceId: 'i',
      flights,
    }),
  });
  const post = async (query: string, operationName?: string) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName }),
    });
    return response.json();
  };
  const release = () => {
    open();
    gate = closed();
  };
  return { yoga, keys, executed, post, release };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('response cache keys', () => {
  it('are built for a query, never for a multipart upload', async () => {
    const { yoga, keys } = yogaWithCache();
    const read = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ size(text: "abc") }' }),
    });
    expect(await read.json()).toEqual({ data: { size: 3 } });
    expect(keys).toHaveLength(1);

    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({ query: 'mutation($f: File!) { upload(file: $f) }', variables: { f: null } }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new File(['x'.repeat(100_000)], 'big.csv', { type: 'text/csv' }));
    const up = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    expect(await up.json()).toEqual({ data: { upload: 100_000 } });
    expect(keys).toHaveLength(1);
  });

  it('are not built, nor looked up, for a query selecting a private root field: it runs as sent', async () => {
    const { keys, executed, post } = yogaWithCache();
    const aliases = () =>
      executed.at(-1)!.selectionSet.selections.map((s) => ('alias' in s ? s.alias?.value : null));
    // A public read: keyed, run with the cache's __typename added, stored, then served from it.
    expect(await post('{ size(text: "ab") }')).toEqual({ data: { size: 2 } });
    expect(keys).toHaveLength(1);
    expect(aliases()).toContain('__responseCacheTypeName');
    expect(await post('{ size(text: "ab") }')).toEqual({ data: { size: 2 } });
    expect(keys).toHaveLength(2);
    expect(executed).toHaveLength(1);
    // `me` (TTL 0): never keyed, run every time, as sent; with a public field beside it too.
    const document = 'query Me { me size(text: "abc") } query Size { size(text: "ab") }';
    for (let i = 0; i < 2; i++) {
      expect(await post(document, 'Me')).toEqual({ data: { me: 'someone', size: 3 } });
      expect(aliases()).not.toContain('__responseCacheTypeName');
    }
    expect(keys).toHaveLength(2);
    expect(executed).toHaveLength(5);
    // The other operation of the same document is still cached.
    expect(await post(document, 'Size')).toEqual({ data: { size: 2 } });
    expect(keys).toHaveLength(3);
  });
});

describe('single flight', () => {
  it('identical reads in flight at once execute once; the others are answered from the cache', async () => {
    const flights = singleFlight();
    const { executed, post, release } = yogaWithCache(flights);
    const answers = Array.from({ length: 16 }, () => post('{ slow(text: "abcd") }'));
    await settled();
    expect(executed).toHaveLength(1);
    expect(flights.inFlight).toBe(1);
    // A different read (other variables) is not held behind it.
    const other = post('{ slow(text: "ab") }');
    await settled();
    expect(executed).toHaveLength(2);
    release();
    expect(await Promise.all(answers)).toEqual(Array(16).fill({ data: { slow: 4 } }));
    expect(await other).toEqual({ data: { slow: 2 } });
    expect(executed).toHaveLength(2);
    expect(flights.inFlight).toBe(0);
  });

  it('a leader whose answer is not stored (an error) lets the others run on their own', async () => {
    const flights = singleFlight();
    const { executed, post, release } = yogaWithCache(flights);
    const answers = Array.from({ length: 3 }, () => post('{ broken }'));
    await settled();
    expect(executed).toHaveLength(1);
    release(); // the leader fails; nothing is stored, so each waiter executes
    await settled();
    expect(executed).toHaveLength(3);
    release();
    for (const body of await Promise.all(answers)) {
      expect(body.data).toEqual({ broken: null });
      expect(body.errors[0].message).toBeTruthy();
    }
    expect(flights.inFlight).toBe(0);
  });

  it('mutations are never held behind an identical one', async () => {
    const { executed, post, release } = yogaWithCache(singleFlight());
    const writes = [post('mutation { bump(text: "x") }'), post('mutation { bump(text: "x") }')];
    await settled();
    expect(executed).toHaveLength(2);
    release();
    expect(await Promise.all(writes)).toEqual(Array(2).fill({ data: { bump: 1 } }));
  });

  it('a leader that never answers is replaced after the wait', async () => {
    const flights = singleFlight(50);
    const stuck = new Request('http://localhost/a');
    expect(flights.join(stuck, 'k')).toBeUndefined();
    const t = performance.now();
    await flights.join(new Request('http://localhost/b'), 'k');
    expect(performance.now() - t).toBeGreaterThanOrEqual(45);
    // Past the wait (timers may fire a little early), the next identical read leads in its
    // place; the stuck one finishing later leaves it alone.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const next = new Request('http://localhost/c');
    expect(flights.join(next, 'k')).toBeUndefined();
    flights.done(stuck);
    expect(flights.inFlight).toBe(1);
    flights.done(next);
    expect(flights.inFlight).toBe(0);
  });

  it('lets go of leaders that never answered once too many keys are in flight', async () => {
    const flights = singleFlight(5);
    for (let i = 0; i < 10_000; i++) flights.join(new Request('http://localhost/x'), `k${i}`);
    expect(flights.inFlight).toBe(10_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flights.join(new Request('http://localhost/y'), 'fresh')).toBeUndefined();
    expect(flights.inFlight).toBe(1);
  });
});
