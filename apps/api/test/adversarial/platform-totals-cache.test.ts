// Unfiltered totals remembered until the next write (src/platform/totals-cache.ts): the case
// list's first page counts the cases once, then answers its total without counting, yet a case
// opened through the API shows in the total of the very next request to the instance that opened
// it, and of every other instance once its NOTIFY arrives. Filtered totals and the audit log's are
// counted on every request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.ts';
import {
  createCachingInstances,
  OPEN,
  OPEN_INPUT,
  PASSWORD,
  type CachingInstances,
} from '../helpers.ts';

let api: CachingInstances;
beforeAll(async () => {
  api = await createCachingInstances();
  for (const [email, role] of [
    ['tc-sup@gazette.test', 'SUPERVISOR'],
    ['tc-admin@gazette.test', 'ADMIN'],
  ] as const)
    await api.db.prisma.user.create({
      data: { email, role, passwordHash: await hashPassword(PASSWORD) },
    });
});
afterAll(async () => {
  await api?.close();
});

type Yoga = ReturnType<CachingInstances['instance']>;
// The totals beneath: without personal answers (which would answer these repeated case and audit
// reads without running them, test/adversarial/platform-personal-cache.test.ts).
const instance = () => api.instance({ personalCache: false });
const signIn = (yoga: Yoga, email: string) => api.signIn(yoga, email);

/** A call that must answer without errors, with the statements it ran. */
async function gql(yoga: Yoga, query: string, variables: Record<string, unknown>, token?: string) {
  const r = await api.gql(yoga, query, variables, token);
  expect(r.errors).toBeUndefined();
  return r;
}

const CASES = '{ cases(first: 25) { totalCount edges { node { id caseName } } } }';
const FILTERED = `{ cases(first: 25, filter: { state: [REGISTERED] }) { totalCount edges { node { id } } } }`;
const AUDIT = '{ auditEntriesPage(perPage: 5) { total nodes { action } } }';
/** A statement that counts a table (exactly or by its estimate). */
const counts = (r: { statements: string[] }) =>
  r.statements.filter((s) => /count\(|reltuples/i.test(s));

async function open(yoga: Yoga, token: string, caseName: string) {
  await gql(yoga, OPEN, { input: { ...OPEN_INPUT, caseName } }, token);
}

/** Waits until the instance's listener is up (remembered totals are used only while it is). */
async function remembering(yoga: Yoga, token: string) {
  for (let i = 0; i < 200; i++) {
    await gql(yoga, CASES, {}, token);
    if (counts(await gql(yoga, CASES, {}, token)).length === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the instance never remembered a total');
}

describe('remembered unfiltered totals', () => {
  let a: Yoga;
  let b: Yoga;
  let supA: string;
  let supB: string;
  beforeAll(async () => {
    a = instance();
    b = instance();
    supA = await signIn(a, 'tc-sup@gazette.test');
    supB = await signIn(b, 'tc-sup@gazette.test');
    await open(a, supA, '记住总数的第一案');
    await remembering(a, supA);
    await remembering(b, supB);
  });

  it('counts once, then answers the same total without counting', async () => {
    const first = await gql(a, CASES, {}, supA);
    expect(first.data.cases.totalCount).toBe(1);
    expect(counts(first)).toEqual([]);
    expect(first.statements).toHaveLength(1); // the page alone
  });

  it('a case opened here shows in the next total here, and on the other instance once it hears', async () => {
    await open(a, supA, '记住总数的第二案');
    const here = await gql(a, CASES, {}, supA);
    expect(here.data.cases.totalCount).toBe(2);
    expect(here.data.cases.edges).toHaveLength(2);
    let there = 0;
    for (let i = 0; i < 200 && there !== 2; i++) {
      there = (await gql(b, CASES, {}, supB)).data.cases.totalCount as number;
      if (there !== 2) await new Promise((r) => setTimeout(r, 10));
    }
    expect(there).toBe(2);
  });

  it("remembers the dashboard's case page total too", async () => {
    const PAGE = '{ casesPage(perPage: 5) { total nodes { id } } }';
    await gql(a, PAGE, {}, supA);
    const again = await gql(a, PAGE, {}, supA);
    expect(again.data.casesPage.total).toBe(2);
    expect(counts(again)).toEqual([]);
  });

  it('counts a filtered total on every request', async () => {
    const once = await gql(a, FILTERED, {}, supA);
    const again = await gql(a, FILTERED, {}, supA);
    expect(again.data.cases.totalCount).toBe(once.data.cases.totalCount);
    expect(counts(once)).toHaveLength(1);
    expect(counts(again)).toHaveLength(1);
  });

  it("counts the audit log's total every time: a sign-in writes to it without a flush", async () => {
    const admin = await signIn(a, 'tc-admin@gazette.test');
    const before = (await gql(a, AUDIT, {}, admin)).data.auditEntriesPage.total as number;
    await signIn(b, 'tc-sup@gazette.test'); // another instance, a session mutation: no flush
    const after = await gql(a, AUDIT, {}, admin);
    expect(after.data.auditEntriesPage.total).toBe(before + 1);
    expect(counts(after)).toHaveLength(1);
  });
});
