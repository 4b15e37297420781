// The dataProvider's custom methods: what they send, and that the grid's writes are the
// dataProvider's own update/create/delete (resources.ts), with the version the person started from.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider } from './dataProvider.ts';
import type { ApiRateEntry } from './rateTables.ts';
import { GraphQLRequestError } from '../graphql/client.ts';

type Sent = { query: string; variables: Record<string, unknown> };

/** A fake /graphql answering `answer(sent)`; records every operation sent. */
function fakeApi(answer: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  vi.stubGlobal('localStorage', { getItem: () => null });
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as Sent;
    sent.push(body);
    return new Response(JSON.stringify(answer(body)));
  });
  return sent;
}

const entry: ApiRateEntry = {
  id: 'e1',
  versionId: 'v1',
  key: 'A|1',
  dimensions: { grade: 'TERTIARY_A' },
  code: 'A',
  name: '项目',
  unit: '次',
  amount: '10',
  rate: null,
  baseKey: null,
  position: 1,
  version: 4,
  attributes: null,
};

describe('dataProvider custom methods', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('writes a rate cell through the resource update with the entry version, keeping the version id', async () => {
    const sent = fakeApi(() => ({
      data: { updateRateEntry: { ...entry, versionId: undefined, amount: '12', version: 5 } },
    }));
    const saved = await dataProvider.updateRateEntry(entry, { amount: '12' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toMatch(
      /mutation updateRateEntry\(\$id: ID!, \$version: Int!, \$input: RateEntryPatch!\)/u,
    );
    expect(sent[0]!.query).toContain('attributes');
    expect(sent[0]!.variables).toEqual({ id: 'e1', version: 4, input: { amount: '12' } });
    expect(saved).toMatchObject({ id: 'e1', amount: '12', version: 5, versionId: 'v1' });
  });

  it('sends a typed document with its variables and returns the field', async () => {
    const sent = fakeApi(() => ({
      data: {
        search: [
          {
            article: '第三条',
            snippet: '【人工耳蜗】',
            policy: { id: 'p1', docNo: 'D', title: 'T' },
          },
        ],
      },
    }));
    const hits = await dataProvider.searchPolicies('人工耳蜗', 10);
    expect(sent[0]!.query).toMatch(/query Search\(\$q: String!, \$first: Int\)/u);
    expect(sent[0]!.variables).toEqual({ q: '人工耳蜗', first: 10 });
    expect(hits[0]!.policy.docNo).toBe('D');
  });

  it('spreads fragments into the document it sends', async () => {
    const sent = fakeApi(() => ({ data: { gazetteImport: null } }));
    expect(await dataProvider.getGazetteImport('g1')).toBeNull();
    expect(sent[0]!.query).toContain('...GazetteImportFields');
    expect(sent[0]!.query).toMatch(/fragment GazetteImportFields on GazetteImport/u);
  });

  it('surfaces the API error with its Chinese message and code', async () => {
    fakeApi(() => ({
      errors: [{ message: '该版本已发布，不能再导入', extensions: { code: 'BAD_USER_INPUT' } }],
    }));
    const failed = dataProvider.importRateTableVersionCsv(
      { id: 'v1', tableId: 't1', version: 2 } as never,
      'a,b',
    );
    await expect(failed).rejects.toBeInstanceOf(GraphQLRequestError);
    await expect(failed).rejects.toMatchObject({
      message: '该版本已发布，不能再导入',
      code: 'BAD_USER_INPUT',
    });
  });

  it('answers null for a node that is not a policy', async () => {
    fakeApi(() => ({ data: { node: { __typename: 'Organization' } } }));
    expect(await dataProvider.policyDetails('o1', '2026-12-02')).toBeNull();
  });
  it('reads repeat findings a page at a time: the next page from the last cursor, none after the last', async () => {
    const run = (n: number) => ({
      cursor: `c${n}`,
      node: {
        channel: 'WEBSITE',
        subject: `《栏目${n}》`,
        issue: '超期未更新',
        quarters: ['2024Q3', '2024Q4'],
        organization: { name: `单位${n}` },
      },
    });
    const pages = [
      { totalCount: 3, edges: [run(1), run(2)], pageInfo: { hasNextPage: true, endCursor: 'c2' } },
      { edges: [run(3)], pageInfo: { hasNextPage: false, endCursor: 'c3' } },
    ];
    const sent = fakeApi(() => ({ data: { repeatFindingRuns: pages[sent.length - 1] } }));
    const first = await dataProvider.repeatFindingRuns('2024Q4', 2);
    expect(sent[0]!.query).toMatch(
      /repeatFindingRuns\(quarter: \$quarter, first: \$first, after: \$after\)/u,
    );
    expect(sent[0]!.query).not.toMatch(/repeatFindings\(/u);
    // The quarter's total is asked for with the first page only.
    expect(sent[0]!.query).toContain('totalCount @include(if: $withTotal)');
    expect(sent[0]!.variables).toEqual({
      quarter: '2024Q4',
      first: 2,
      after: null,
      withTotal: true,
    });
    expect(first.total).toBe(3);
    expect(first.runs.map((r) => [r.cursor, r.organization.name])).toEqual([
      ['c1', '单位1'],
      ['c2', '单位2'],
    ]);
    expect(first.after).toBe('c2');
    const last = await dataProvider.repeatFindingRuns('2024Q4', 2, first.after);
    expect(sent[1]!.variables).toEqual({
      quarter: '2024Q4',
      first: 2,
      after: 'c2',
      withTotal: false,
    });
    expect(last.total).toBeNull();
    expect(last.runs.map((r) => r.subject)).toEqual(['《栏目3》']);
    // No next page: no cursor to ask with, whatever endCursor says.
    expect(last.after).toBeNull();
  });
});
