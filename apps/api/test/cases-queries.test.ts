// No N+1: listing cases with their notices and events runs the same statements for 3 or 12 cases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCEPT, OPEN, OPEN_INPUT, TRANSITION, createHarness, type ApiHarness } from './helpers.ts';

let h: ApiHarness;
let sup: string;
let counting = false;
const statements: string[] = [];

beforeAll(async () => {
  h = await createHarness({ onQuery: (e) => counting && statements.push(e.query) });
  sup = (await h.userToken('SUPERVISOR')).token;
});
afterAll(() => h.close());

async function addCases(n: number) {
  for (let i = 0; i < n; i++) {
    const r = await h.gql(OPEN, { input: { ...OPEN_INPUT, caseName: `计数${i}` } }, sup);
    await h.gql(TRANSITION, { id: r.data!.openDiscretionReview.case.id, event: ACCEPT }, sup);
  }
}

async function count(query: string) {
  statements.length = 0;
  counting = true;
  const r = await h.gql(query, {}, sup);
  counting = false;
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return { n: statements.length, data: r.data! };
}

const PAGE =
  '{ casesPage(perPage: 100) { total nodes { id state allowedEvents overdue notices { kind number print { title } } events { seq type } } } }';
const CONN =
  '{ cases(first: 100) { totalCount edges { node { id state notices { number } events { type } } } } }';

it('casesPage and cases run a constant number of statements whatever the number of cases', async () => {
  await addCases(3);
  const small = await count(PAGE);
  const smallConn = await count(CONN);
  expect(small.data.casesPage.nodes).toHaveLength(3);
  await addCases(9);
  const large = await count(PAGE);
  const largeConn = await count(CONN);
  expect(large.data.casesPage.nodes).toHaveLength(12);
  expect(large.data.casesPage.nodes[0].notices).toHaveLength(2);
  expect(largeConn.data.cases.edges).toHaveLength(12);
  expect(large.n).toBe(small.n);
  expect(largeConn.n).toBe(smallConn.n);
  // session + user, cases, one per relation (events, notices, the notices' case for print), count
  expect(large.n).toBeLessThanOrEqual(7);
  expect(largeConn.n).toBeLessThanOrEqual(6);
});
