// Notice numbers stay gapless and unique when many transitions race (NoticeCounter row lock).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCEPT, OPEN, OPEN_INPUT, TRANSITION, createHarness, type ApiHarness } from './helpers.ts';

const N = 16;
let h: ApiHarness;
let sup: string;

beforeAll(async () => {
  h = await createHarness({ maxConnections: 8 });
  sup = (await h.userToken('SUPERVISOR')).token;
});
afterAll(() => h.close());

async function openCases(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await h.gql(OPEN, { input: { ...OPEN_INPUT, caseName: `并发案件${i}` } }, sup);
    ids.push(r.data!.openDiscretionReview.case.id);
  }
  return ids;
}

const serials = (numbers: string[], prefix: string) =>
  numbers
    .filter((n) => n.startsWith(prefix))
    .map((n) => Number(/〕(\d+)号$/.exec(n)![1]))
    .sort((a, b) => a - b);

it(`${N} concurrent acceptances get acceptance and suspension numbers 1..${N}, no gaps, no repeats`, async () => {
  const ids = await openCases(N);
  const results = await Promise.all(ids.map((id) => h.gql(TRANSITION, { id, event: ACCEPT }, sup)));
  for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();

  const numbers = results.flatMap((r) =>
    r.data!.transitionCase.case.notices.map((n: { number: string }) => n.number),
  );
  const oneToN = Array.from({ length: N }, (_, i) => i + 1);
  expect(serials(numbers, '泸市监受理书〔2025〕')).toEqual(oneToN);
  expect(serials(numbers, '泸市监中止书〔2025〕')).toEqual(oneToN);
  // Within a case the two notices are issued together; the counters agree with what was issued.
  const counters = await h.db.prisma.noticeCounter.findMany({ orderBy: { kind: 'asc' } });
  expect(counters.map((c) => [c.kind, c.year, c.last])).toEqual([
    ['ACCEPTANCE', 2025, N],
    ['SUSPENSION', 2025, N],
  ]);
});

it('racing transitions of ONE case: exactly one wins, the rest are refused and issue nothing', async () => {
  const [id] = await openCases(1);
  const before = await h.db.prisma.notice.count();
  const results = await Promise.all(
    Array.from({ length: 8 }, () => h.gql(TRANSITION, { id, event: ACCEPT }, sup)),
  );
  const won = results.filter((r) => !r.errors);
  expect(won).toHaveLength(1);
  for (const r of results.filter((x) => x.errors)) expect(r.codes).toEqual(['INVALID_TRANSITION']);
  expect(await h.db.prisma.notice.count()).toBe(before + 2);
  expect(
    won[0]!.data!.transitionCase.case.notices.map((n: { number: string }) => n.number),
  ).toEqual([`泸市监受理书〔2025〕${N + 1}号`, `泸市监中止书〔2025〕${N + 1}号`]);
  const caseId = Buffer.from(id!, 'base64').toString().split(':')[1]!;
  expect(await h.db.prisma.caseEvent.count({ where: { caseId } })).toBe(1);
});

it('a refused transition in the middle of a race leaves no gap', async () => {
  const ids = await openCases(6);
  const events = ids.map((id, i) => (i % 2 === 0 ? ACCEPT : { ...ACCEPT, exclusions: ['OTHER'] })); // 第五条 refuses odd ones
  const results = await Promise.all(
    ids.map((id, i) => h.gql(TRANSITION, { id, event: events[i] }, sup)),
  );
  expect(results.filter((r) => r.codes.includes('INVALID_TRANSITION'))).toHaveLength(3);
  const all = await h.db.prisma.notice.findMany({
    where: { kind: 'ACCEPTANCE', year: 2025 },
    orderBy: { serial: 'asc' },
  });
  expect(all.map((n) => n.serial)).toEqual(Array.from({ length: N + 1 + 3 }, (_, i) => i + 1));
});
