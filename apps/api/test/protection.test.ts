// Protection of the endpoint: depth, alias and cost limits, CSRF, request size, masked errors,
// introspection and GraphiQL only outside production; node(id) honours the typed fields' rules.
import { getIntrospectionQuery } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGazetteYoga } from '../src/yoga.ts';
import { createApi, type Api } from './helpers.ts';

let api: Api;
beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

describe('limits', () => {
  it('gives every refusal of graphql-armor an error code (directives, cost)', async () => {
    const directives = await api.gql('{ __typename ' + '@skip(if: false) '.repeat(25) + '}');
    expect(directives.errors?.[0]?.message).toMatch(/Directives limit/);
    expect(directives.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const costly = await api.gql(
      '{ ' +
        Array.from(
          { length: 12 },
          (_, i) =>
            `p${i}: policies(first: 100) { edges { node { issuers { name } rateTables { name } } } }`,
        ).join(' ') +
        ' }',
    );
    expect(costly.errors?.length).toBeGreaterThan(0);
    expect(costly.codes.every((c) => c !== 'NONE' && c !== 'undefined')).toBe(true);
  });

  it('refuses a query nested too deep', async () => {
    const deep = `{ policies { edges { node { issuers { issuedPolicies { edges { node { policy { issuers { issuedPolicies { edges { node { policy { docNo } } } } } } } } } } } } } }`;
    const r = await api.gql(deep);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.message).toMatch(/depth/i);
    expect(r.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses too many aliases', async () => {
    const many = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: policy(docNo: "泸市府规〔2024〕4号") { docNo }`).join(' ')} }`;
    const r = await api.gql(many);
    expect(r.errors?.[0]?.message).toMatch(/alias/i);
    expect(new Set(r.codes)).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
  });

  it('refuses a body over the size limit with 413', async () => {
    const yoga = createGazetteYoga({
      prisma: api.db.prisma,
      logger: pino({ level: 'silent' }),
      production: false,
    });
    const res = await yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ __typename }`,
        variables: { pad: 'x'.repeat(3 * 1024 * 1024) },
      }),
    });
    expect(res.status).toBe(413);
  });
  // The endless chunked body (no content-length) is in test/adversarial/requests-armor.test.ts.
});

describe('CORS', () => {
  it('answers a foreign origin without any CORS grant by default, and an allowed one when listed', async () => {
    const preflight = (yoga: ReturnType<typeof createGazetteYoga>, origin: string) =>
      yoga.fetch('http://gazette.test/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const closed = createGazetteYoga({
      prisma: api.db.prisma,
      logger: pino({ level: 'silent' }),
      production: false,
      corsOrigins: [],
    });
    const evil = await preflight(closed, 'https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
    const open = createGazetteYoga({
      prisma: api.db.prisma,
      logger: pino({ level: 'silent' }),
      production: false,
      corsOrigins: ['https://app.luzhou.gov.cn'],
    });
    expect(
      (await preflight(open, 'https://app.luzhou.gov.cn')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('https://app.luzhou.gov.cn');
    expect(
      (await preflight(open, 'https://evil.example')).headers.get('access-control-allow-origin'),
    ).not.toBe('https://evil.example');
  });
});

describe('CSRF', () => {
  it('refuses a simple (non-preflighted) GET without a custom header', async () => {
    const yoga = createGazetteYoga({
      prisma: api.db.prisma,
      logger: pino({ level: 'silent' }),
      production: false,
    });
    const res = await yoga.fetch('http://gazette.test/graphql?query=%7B__typename%7D', {
      method: 'GET',
    });
    expect(res.status).toBe(403);
    const ok = await yoga.fetch('http://gazette.test/graphql?query=%7B__typename%7D', {
      method: 'GET',
      headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a form-encoded POST', async () => {
    const yoga = createGazetteYoga({
      prisma: api.db.prisma,
      logger: pino({ level: 'silent' }),
      production: false,
    });
    const res = await yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(403);
  });
});

describe('errors', () => {
  it('masks an unexpected failure: no stack, no SQL', async () => {
    const broken = {
      ...api.db.prisma,
      policy: {
        findUnique: () =>
          Promise.reject(new Error('SELECT secret FROM "Policy" failed at db.ts:42')),
      },
    };
    const yoga = createGazetteYoga({
      prisma: broken as never,
      logger: pino({ level: 'silent' }),
      production: true,
    });
    const res = await yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ policy(docNo: "泸市府规〔2024〕4号") { docNo } }` }),
    });
    const text = await res.text();
    expect(text).toContain('Unexpected error');
    expect(text).not.toContain('SELECT');
    expect(text).not.toContain('db.ts');
    expect(text).not.toContain('stack');
  });
});

describe('production', () => {
  it('turns off introspection and GraphiQL', async () => {
    const yoga = createGazetteYoga({
      prisma: api.db.prisma,
      logger: pino({ level: 'silent' }),
      production: true,
    });
    const res = await yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __schema { types { name } } }` }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await yoga.fetch('http://gazette.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it('serves the full introspection query (GraphiQL, codegen) outside production', async () => {
    const r = await api.gql(
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('node(id)', () => {
  it('finds a policy by its global id', async () => {
    const p = (await api.gql(`{ policy(docNo: "泸市府规〔2024〕4号") { id } }`)).data!.policy;
    const r = await api.gql(`query($id: ID!) { node(id: $id) { ... on Policy { docNo } } }`, {
      id: p.id,
    });
    expect(r.data?.node).toEqual({ docNo: '泸市府规〔2024〕4号' });
  });

  it('hides a draft rate version from anonymous callers as the typed fields do', async () => {
    const table = await api.db.prisma.rateTable.findUniqueOrThrow({
      where: { key: 'land-transfer-fee-standards' },
    });
    const draft = await api.db.prisma.rateTableVersion.create({
      data: { tableId: table.id, effectiveFrom: new Date(Date.UTC(2031, 0, 1)) },
    });
    const id = Buffer.from(`RateTableVersion:${draft.id}`).toString('base64');
    const anonymous = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
    expect(anonymous.codes).toEqual(['UNAUTHENTICATED']);
    const viewer = await api.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id },
      { token: await api.tokenFor('VIEWER') },
    );
    expect(viewer.data?.node).toEqual({ id });
  });
});
