// Request-level refusals: each answers with a code, names the argument, and runs no SQL.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGazetteYoga } from '../../src/yoga.ts';
import { MAX_LIST_ITEMS, nestingDepth } from '../../src/plugins/input-guards.ts';
import { createApi, type Api } from '../helpers.ts';

let api: Api;
beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

const PAGE = 'query($ids: [ID!]) { policiesPage(filter: { ids: $ids }) { total } }';

describe('nesting and list sizes', () => {
  it('refuses a 5000-deep list literal cleanly (400, a code, no SQL), not with a 500', async () => {
    const deep = `{ policiesPage(filter: { ids: ${'['.repeat(5000)}"x"${']'.repeat(5000)} }) { total } }`;
    const r = await api.gql(deep);
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(r.errors?.[0]?.message).toMatch(/嵌套过深/);
    expect(r.statements).toEqual([]);
    // A refused text is never remembered as checked: sent again, it is refused again.
    const again = await api.gql(deep);
    expect(again.status).toBe(400);
    expect(again.errors?.[0]?.message).toMatch(/嵌套过深/);
  });

  it('refuses a deep text however often shallow texts were sent before it', async () => {
    for (let i = 0; i < 3; i++) expect((await api.gql('{ __typename }')).status).toBe(200);
    const deep = `{ __typename ${'('.repeat(70)}`;
    const r = await api.gql(deep);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.message).toMatch(/嵌套过深/);
  });

  it('counts brackets outside strings and comments only', () => {
    expect(nestingDepth('{ a(b: "[[[[") { c } } # {{{{')).toBe(2);
    expect(nestingDepth('{ a(b: """ [[[ \\""" {{ """) }')).toBe(2);
  });

  it('refuses a 48k-id filter (variable) with BAD_USER_INPUT naming the argument and the maximum, before SQL', async () => {
    const ids = Array.from({ length: 48_000 }, (_, i) => `id-${i}`);
    const r = await api.gql(PAGE, { ids });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      field: 'filter.ids',
      maximum: MAX_LIST_ITEMS,
    });
    expect(r.errors?.[0]?.message).toContain(String(MAX_LIST_ITEMS));
    expect(r.statements).toEqual([]);
  });

  it('refuses an oversized inline list and an oversized list inside an object variable the same way', async () => {
    const inline = await api.gql(
      `{ policiesPage(filter: { ids: [${Array.from({ length: 1500 }, (_, i) => `"${i}"`).join(',')}] }) { total } }`,
    );
    expect(inline.codes).toEqual(['BAD_USER_INPUT']);
    expect(inline.errors?.[0]?.extensions?.field).toBe('filter.ids');
    const nested = await api.gql(
      'query($f: PolicyPageFilter) { policiesPage(filter: $f) { total } }',
      {
        f: { ids: Array.from({ length: 1500 }, (_, i) => `${i}`) },
      },
    );
    expect(nested.errors?.[0]?.extensions?.field).toBe('filter.ids');
    expect(nested.statements).toEqual([]);
    // At the limit it runs.
    const ok = await api.gql(PAGE, {
      ids: Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `${i}`),
    });
    expect(ok.errors?.some((e) => e.extensions?.maximum)).toBeFalsy();
  });
});

describe('NUL bytes', () => {
  it('refuses NUL in a variable, naming the field, with no SQL', async () => {
    const r = await api.gql('query($q: String) { policiesPage(filter: { q: $q }) { total } }', {
      q: 'a\u0000b',
    });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('filter.q');
    expect(r.statements).toEqual([]);
  });

  it('refuses NUL in an inline string literal, naming the field', async () => {
    const r = await api.gql('{ policiesPage(filter: { q: "a\\u0000b" }) { total } }');
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('filter.q');
    expect(r.statements).toEqual([]);
  });

  it('refuses NUL deep inside a mutation input', async () => {
    const admin = await api.tokenFor('ADMIN');
    const r = await api.gql(
      'mutation($input: UpdateUserInput!) { updateUser(id: "x", version: 1, input: $input) { id } }',
      { input: { name: 'x\u0000' } },
      { token: admin },
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
    expect(r.statements).toEqual([]);
  });
});

describe('malformed values name the field', () => {
  it('a malformed Date variable names its argument', async () => {
    const r = await api.gql('query($d: Date) { policiesPage(filter: { asOf: $d }) { total } }', {
      d: '2025-13-01',
    });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('filter.asOf');
  });

  it('a malformed Date inside an object variable names the nested field', async () => {
    const r = await api.gql('query($f: PolicyPageFilter) { policiesPage(filter: $f) { total } }', {
      f: { asOf: '2025/01/06' },
    });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('filter.asOf');
  });

  it('a malformed Date literal names its argument', async () => {
    const r = await api.gql('{ policiesPage(filter: { asOf: "2025-02-30" }) { total } }');
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('filter.asOf');
  });

  it('refuses the same malformed document every time it is sent (its checks are kept per document)', async () => {
    for (let i = 0; i < 3; i++) {
      const literal = await api.gql('{ policiesPage(filter: { asOf: "2025-02-31" }) { total } }');
      expect(literal.codes).toEqual(['BAD_USER_INPUT']);
      expect(literal.errors?.[0]?.extensions?.field).toBe('filter.asOf');
      const variable = await api.gql(
        'query($d: Date) { policiesPage(filter: { asOf: $d }) { total } }',
        {
          d: i % 2 ? '2025-13-01' : '2025-00-01',
        },
      );
      expect(variable.codes).toEqual(['BAD_USER_INPUT']);
      expect(variable.errors?.[0]?.extensions?.field).toBe('filter.asOf');
    }
  });
});

describe('no schema hints outside development', () => {
  const TYPO = '{ cases(sort: { field: FILED_ONN }) { totalCount } }';
  const TYPO_VAR = 'query($s: CaseSort) { cases(sort: $s) { totalCount } }';

  it('answers an enum typo without "Did you mean" (tests and production)', async () => {
    const literal = await api.gql(TYPO);
    expect(literal.errors?.[0]?.message).toMatch(/FILED_ONN/);
    expect(literal.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const variable = await api.gql(TYPO_VAR, { s: { field: 'FILED_ONN' } });
    expect(variable.codes).toEqual(['BAD_USER_INPUT']);
    expect(variable.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const field = await api.gql('{ policiez { totalCount } }');
    expect(field.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('keeps the hints in development', async () => {
    const yoga = createGazetteYoga({
      prisma: api.db.prisma,
      logger: pino({ level: 'silent' }),
      production: false,
      development: true,
    });
    const res = await yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: TYPO }),
    });
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /Did you mean/,
    );
    await yoga.dispose();
  });
});
