// The response cache builds no key for a multipart upload: the key hashes the variables, and an
// upload's variables hold the file, whose bytes would be serialised into JSON (issue 9: a 4 MiB
// rate CSV became tens of megabytes and blocked the event loop during the import).
import { createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import { createSchema, createYoga } from 'graphql-yoga';
import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@gazette/db';
import { useGazetteResponseCache, type FlushableCache } from './response-cache.ts';

function yogaWithCache() {
  const executed: OperationDefinitionNode[] = [];
  const schema = createSchema({
    typeDefs: `scalar File
      type Query { size(text: String!): Int, me: String }
      type Mutation { upload(file: File!): Int }`,
    resolvers: {
      Query: {
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
    plugins: useGazetteResponseCache({ prisma, store, schema, namespace: 'test', instanceId: 'i' }),
  });
  return { yoga, keys, executed };
}

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
    const { yoga, keys, executed } = yogaWithCache();
    const post = async (query: string, operationName?: string) => {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName }),
      });
      return response.json();
    };
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
