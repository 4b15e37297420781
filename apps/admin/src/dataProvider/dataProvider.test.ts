import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_MAX_PER_PAGE, dataProvider } from './dataProvider.ts';

/** A fake /graphql holding `total` policies; records every page asked for. */
function fakeApi(total: number) {
  const asked: { page: number; perPage: number }[] = [];
  vi.stubGlobal('localStorage', { getItem: () => null });
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    const { variables } = JSON.parse(init.body) as { variables: { page: number; perPage: number } };
    const { page, perPage } = variables;
    asked.push({ page, perPage });
    if (perPage > API_MAX_PER_PAGE) {
      return new Response(
        JSON.stringify({
          errors: [
            { message: 'perPage 必须在 1 到 100 之间', extensions: { code: 'BAD_USER_INPUT' } },
          ],
        }),
      );
    }
    const start = (page - 1) * perPage;
    const nodes = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => ({
      id: `p${start + i}`,
    }));
    return new Response(JSON.stringify({ data: { policiesPage: { total, nodes } } }));
  });
  return asked;
}

const sort = { field: 'docNo', order: 'ASC' as const };

describe('dataProvider paging', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('asks for one API page when the requested page fits', async () => {
    const asked = fakeApi(260);
    const { data, total } = await dataProvider.getList('policies', {
      pagination: { page: 3, perPage: 25 },
      sort,
      filter: {},
    });
    expect(asked).toEqual([{ page: 3, perPage: 25 }]);
    expect(total).toBe(260);
    expect(data.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => `p${50 + i}`));
  });

  it('reads a page larger than the API allows (react-admin export: 1,000) in pages of 100', async () => {
    const asked = fakeApi(260);
    const { data, total } = await dataProvider.getList('policies', {
      pagination: { page: 1, perPage: 1000 },
      sort,
      filter: {},
    });
    expect(asked).toEqual([1, 2, 3].map((page) => ({ page, perPage: 100 })));
    expect(total).toBe(260);
    expect(data.map((r) => r.id)).toEqual(Array.from({ length: 260 }, (_, i) => `p${i}`));
  });

  it('keeps the offset of a large page that does not start at a multiple of 100', async () => {
    const asked = fakeApi(400);
    const { data } = await dataProvider.getList('policies', {
      pagination: { page: 2, perPage: 150 },
      sort,
      filter: {},
    });
    expect(asked.every((a) => a.perPage <= API_MAX_PER_PAGE)).toBe(true);
    expect(data.map((r) => r.id)).toEqual(Array.from({ length: 150 }, (_, i) => `p${150 + i}`));
  });

  it('reads every row with getAll, stopping at the end of the list', async () => {
    const asked = fakeApi(200);
    const { data, total } = await dataProvider.getAll('policies', { sort, filter: {} });
    expect(asked).toEqual([1, 2].map((page) => ({ page, perPage: 100 })));
    expect(total).toBe(200);
    expect(data).toHaveLength(200);
  });

  it('passes an API refusal on instead of returning fewer rows', async () => {
    vi.stubGlobal('localStorage', { getItem: () => null });
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({
            errors: [{ message: '服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          }),
        ),
    );
    await expect(dataProvider.getAll('policies', { sort, filter: {} })).rejects.toThrow(
      '服务器内部错误',
    );
  });
});

describe('dataProvider getManyReference', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  /** A fake /graphql answering any page with no rows; records each request's filter. */
  function recordFilters() {
    const filters: unknown[] = [];
    vi.stubGlobal('localStorage', { getItem: () => null });
    vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
      const { query, variables } = JSON.parse(init.body) as {
        query: string;
        variables: { filter?: unknown };
      };
      filters.push(variables.filter);
      const field = /\{\s*(\w+)\(page:/u.exec(query)![1]!;
      return new Response(JSON.stringify({ data: { [field]: { total: 0, nodes: [] } } }));
    });
    return filters;
  }

  it('keeps the reference to the record on the audit log (logins left out here)', async () => {
    const filters = recordFilters();
    await dataProvider.getManyReference('auditEntries', {
      target: 'entityId',
      id: 'p1',
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'at', order: 'DESC' },
      filter: {},
    });
    expect(filters.length).toBeGreaterThan(0);
    for (const f of filters) expect(f).toMatchObject({ entityId: 'p1' });
  });

  it('filters other resources by the reference too', async () => {
    const filters = recordFilters();
    await dataProvider.getManyReference('organizationAliases', {
      target: 'organizationId',
      id: 'o1',
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'alias', order: 'ASC' },
      filter: {},
    });
    expect(filters).toEqual([{ organizationId: 'o1' }]);
  });
});
