// Repeat findings a page or a quarter at a time (issue 9): the pages of repeatFindingRuns put
// together are the whole answer of repeatFindings, with and without matching the issue and with
// every scope; a page or a quarter runs the same statements however long the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingKeys } from '@gazette/domain';
import { createApi, type Api, type GqlResult } from './helpers.ts';

let api: Api;
let orgs: { id: string; name: string }[];

/** mulberry32: a failure reproduces. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 2030Q1… with 2031Q3 left out, so runs break at the gap. */
const QUARTERS = ['2030Q1', '2030Q2', '2030Q3', '2030Q4', '2031Q1', '2031Q2', '2031Q4', '2032Q1'];
const COLUMNS = ['《部门信箱》', '《政策解读》', '《 通知 公告》', ''];
const ISSUES = ['超期未更新', '内容 错误', '栏目空白'];
const ACCOUNTS = ['泸州 发布', '泸州发布', '平安泸州'];

async function addRound(quarter: string, seed: number) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const body = () => orgs[Math.floor(rnd() * orgs.length)]!.id;
  const round = await api.db.prisma.inspectionRound.create({
    data: {
      quarter,
      windowStart: new Date(Date.UTC(2030, 0, 1)),
      windowEnd: new Date(Date.UTC(2030, 0, 15)),
      cityPortalsChecked: 1,
      districtPortalsChecked: 7,
      departmentSitesChecked: 38,
      newMediaAccountsChecked: 200,
      newMediaDistricts: 7,
      newMediaParks: 2,
      newMediaDepartments: 40,
      messagesReceived: 10,
      messagesClosed: 9,
    },
  });
  await api.db.prisma.websiteFinding.createMany({
    data: Array.from({ length: 40 }, (_, i) => {
      const description = `${pick(COLUMNS)}${pick(ISSUES)}`;
      return {
        roundId: round.id,
        organizationId: body(),
        siteSeq: i + 1,
        siteName: `网站${i}`,
        position: 0,
        description,
        ...findingKeys({ channel: 'WEBSITE', description }),
      };
    }),
  });
  await api.db.prisma.newMediaFinding.createMany({
    data: Array.from({ length: 25 }, (_, i) => {
      const account = pick(ACCOUNTS);
      const description = pick(ISSUES);
      return {
        roundId: round.id,
        organizationId: body(),
        seq: i + 1,
        account,
        platform: '微信',
        description,
        ...findingKeys({ channel: 'NEW_MEDIA', account, description }),
      };
    }),
  });
}

type Run = {
  organization: { id: string };
  channel: string;
  subject: string;
  issue: string;
  quarters: string[];
};
const RUN = 'organization { id } channel subject issue quarters';
const key = (r: Run) =>
  JSON.stringify([r.quarters, r.organization.id, r.channel, r.subject, r.issue]);
/** The connection's order: first quarter, body id, subject, channel, issue, by code point. */
const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The raw id behind a global one (`Organization:<uuid>`, one prefix for all: the same order). */
const rawOf = (id: string) => Buffer.from(id, 'base64').toString('utf8');
const byRunKey = (a: Run, b: Run) =>
  codePoint(a.quarters[0]!, b.quarters[0]!) ||
  codePoint(rawOf(a.organization.id), rawOf(b.organization.id)) ||
  codePoint(a.subject, b.subject) ||
  codePoint(a.channel, b.channel) ||
  codePoint(a.issue, b.issue);

async function whole(args: Record<string, unknown> = {}): Promise<Run[]> {
  const r = await api.gql(
    `query($m: Boolean, $q: String, $o: ID) { repeatFindings(matchIssue: $m, quarter: $q, organizationId: $o) { ${RUN} } }`,
    { m: args.m, q: args.q, o: args.o },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.repeatFindings;
}

const PAGE = `query($first: Int, $after: String, $m: Boolean, $q: String, $o: ID) {
  repeatFindingRuns(first: $first, after: $after, matchIssue: $m, quarter: $q, organizationId: $o) {
    edges { cursor node { ${RUN} } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

const TOTAL = `query($first: Int, $m: Boolean, $q: String, $o: ID) {
  repeatFindingRuns(first: $first, matchIssue: $m, quarter: $q, organizationId: $o) {
    totalCount edges { cursor } } }`;

/** totalCount of the runs in scope (null unscoped). */
async function total(args: Record<string, unknown>): Promise<number | null> {
  const r = await api.gql(TOTAL, { first: 1, m: args.m, q: args.q, o: args.o });
  expect(r.errors).toBeUndefined();
  return r.data!.repeatFindingRuns.totalCount;
}

/** Every page of `first` runs, and the statements each page ran. */
async function pages(first: number, args: Record<string, unknown> = {}) {
  const runs: Run[] = [];
  const statements: number[] = [];
  let after: string | null = null;
  for (let n = 0; n < 200; n++) {
    const r: GqlResult = await api.gql(PAGE, { first, after, m: args.m, q: args.q, o: args.o });
    expect(r.errors).toBeUndefined();
    statements.push(r.statements.length);
    const c = r.data!.repeatFindingRuns as {
      edges: { node: Run }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
    };
    expect(c.edges.length).toBeLessThanOrEqual(first);
    expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
    runs.push(...c.edges.map((e) => e.node));
    if (!c.pageInfo.hasNextPage) return { runs, statements };
    expect(c.edges.length).toBe(first);
    after = c.pageInfo.endCursor;
  }
  throw new Error('no last page');
}

let early: { page: number; quarter: number; whole: number };

async function counts() {
  const count = async (query: string, variables: Record<string, unknown>) => {
    const r = await api.gql(query, variables);
    expect(r.errors).toBeUndefined();
    return r.statements.length;
  };
  return {
    page: await count(PAGE, { first: 5 }),
    quarter: await count(PAGE, { first: 5, q: '2030Q2' }),
    whole: await count(`{ repeatFindings(quarter: "2030Q2") { ${RUN} } }`, {}),
    counted: await count(TOTAL, { first: 5, q: '2030Q2' }),
  };
}

beforeAll(async () => {
  api = await createApi();
  orgs = await api.db.prisma.organization.findMany({
    orderBy: { name: 'asc' },
    take: 6,
    select: { id: true, name: true },
  });
  for (let i = 0; i < 3; i++) await addRound(QUARTERS[i]!, i + 1);
  early = await counts();
  for (let i = 3; i < QUARTERS.length; i++) await addRound(QUARTERS[i]!, i + 1);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('repeatFindingRuns', () => {
  it('pages through exactly the runs repeatFindings gives, in key order', async () => {
    for (const m of [true, false]) {
      const all = await whole({ m });
      expect(all.length).toBeGreaterThan(20);
      for (const size of [1, 7, 100]) {
        const { runs } = await pages(size, { m });
        expect(runs.map(key)).toEqual([...all].sort(byRunKey).map(key));
      }
    }
    // The gap at 2031Q3 breaks runs.
    const all = await whole();
    expect(all.some((r) => r.quarters.includes('2031Q2') && r.quarters.includes('2031Q4'))).toBe(
      false,
    );
    expect(all.some((r) => r.quarters.length >= 3)).toBe(true);
  });

  it('scopes to a quarter and a body, in repeatFindings and in the pages alike', async () => {
    const all = await whole();
    // Runs answer global ids; the argument takes one too.
    const globalOrg = all[0]!.organization.id;
    const orgId = globalOrg;
    for (const q of ['2030Q1', '2030Q4', '2031Q2', '2031Q3', '2032Q1']) {
      const want = all.filter((r) => r.quarters.includes(q));
      expect(await whole({ q })).toEqual(want);
      expect((await pages(4, { q })).runs.map(key)).toEqual([...want].sort(byRunKey).map(key));
      const mine = want.filter((r) => r.organization.id === orgId);
      expect(await whole({ q, o: globalOrg })).toEqual(mine);
      expect((await pages(3, { q, o: globalOrg })).runs.map(key)).toEqual(
        [...mine].sort(byRunKey).map(key),
      );
      // totalCount counts the quarter's runs without walking them, and agrees with the pages.
      expect(await total({ q })).toBe(want.length);
      expect(await total({ q, o: globalOrg })).toBe(mine.length);
      expect(await total({ q, m: false })).toBe((await whole({ q, m: false })).length);
    }
    // Unscoped, a count would walk the whole history: not given.
    expect(await total({})).toBeNull();
    expect(await total({ o: globalOrg })).toBeNull();
    expect(all.filter((r) => r.quarters.includes('2030Q4')).length).toBeGreaterThan(3);
    const mine = all.filter((r) => r.organization.id === orgId);
    expect(mine.length).toBeGreaterThan(0);
    expect(await whole({ o: globalOrg })).toEqual(mine);
    expect((await pages(2, { o: globalOrg })).runs.map(key)).toEqual(
      [...mine].sort(byRunKey).map(key),
    );
    const unmatched = await whole({ m: false, q: '2031Q1' });
    expect(unmatched).toEqual(
      (await whole({ m: false })).filter((r) => r.quarters.includes('2031Q1')),
    );
  });

  it('runs the same statements for a page and a quarter, with 3 quarters of history as with 8', async () => {
    const late = await counts();
    expect(late).toEqual(early);
    // One statement (the client's connections run without JIT): nothing per run or quarter; a
    // quarter's totalCount is one more.
    expect(late).toEqual({ page: 1, quarter: 1, whole: 1, counted: 2 });
    const { statements } = await pages(5);
    expect(new Set(statements)).toEqual(new Set([1]));
  });

  it('keeps a cursor valid while runs are added before it, and refuses bad paging arguments', async () => {
    const first = await api.gql(PAGE, { first: 3 });
    const after = first.data!.repeatFindingRuns.pageInfo.endCursor as string;
    const next = await api.gql(PAGE, { first: 3, after });
    // Runs added before the cursor (2029Q1–Q2, apart from 2030 by a gap) do not shift the next page.
    await addRound('2029Q1', 98);
    await addRound('2029Q2', 99);
    const again = await api.gql(PAGE, { first: 3, after });
    expect(again.data!.repeatFindingRuns.edges).toEqual(next.data!.repeatFindingRuns.edges);
    const restart = await api.gql(PAGE, { first: 3 });
    expect(restart.data!.repeatFindingRuns.edges[0].node.quarters).toEqual(['2029Q1', '2029Q2']);

    for (const [variables, field] of [
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ first: 3, after: 'not-a-cursor' }, 'after'],
      [
        { first: 3, after: Buffer.from('["2030Q9","a","b","WEBSITE","c"]').toString('base64url') },
        'after',
      ],
      [{ first: 3, q: '2030Q5' }, 'quarter'],
    ] as const) {
      const r = await api.gql(PAGE, variables);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const last = await api.gql(`{ repeatFindingRuns(last: 2) { edges { cursor } } }`);
    expect(last.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });
});
