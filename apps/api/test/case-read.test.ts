// The contract's `Case` read (a case and its notices) runs one statement besides authentication,
// a prepared statement on the pg driver, and answers exactly what Prisma's client would.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answersCaseQuery,
  readCaseWithNotices,
  readFirstCases,
  readFirstCasesCounted,
  type CaseSortColumn,
} from '../src/services/cases/read-case.ts';
import { ACCEPT, OPEN, OPEN_INPUT, TRANSITION, createHarness, type ApiHarness } from './helpers.ts';

let h: ApiHarness;
let viewer: string;
let accepted: { id: string; rawId: string };
let opened: { id: string; rawId: string };

const rawIdOf = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':')[1]!;

beforeAll(async () => {
  h = await createHarness();
  const sup = (await h.userToken('SUPERVISOR')).token;
  viewer = (await h.userToken('VIEWER')).token;
  const open = async (input: Record<string, unknown>) => {
    const r = await h.gql(OPEN, { input: { ...OPEN_INPUT, ...input } }, sup);
    expect(r.errors).toBeUndefined();
    const id = r.data!.openDiscretionReview.case.id as string;
    return { id, rawId: rawIdOf(id) };
  };
  accepted = await open({
    caseName: '已受理案',
    caseNumber: '泸测罚〔2030〕1号',
    caseFiledOn: '2024-12-31',
  });
  const t = await h.gql(TRANSITION, { id: accepted.id, event: ACCEPT }, sup);
  expect(t.errors).toBeUndefined();
  opened = await open({ caseName: '待受理案' });
});
afterAll(() => h?.close());

const CASE = `query Case($id: ID!) { case(id: $id) { id state reviewDeadline notices { kind number issuedOn } } }`;

describe('the Case read', () => {
  it('gives the same case and notices, field for field, as Prisma does (dates, enums, arrays, nulls)', async () => {
    for (const { rawId } of [accepted, opened]) {
      const viaPrisma = await h.db.prisma.discretionCase.findUnique({
        where: { id: rawId },
        include: { notices: { orderBy: { position: 'asc' } } },
      });
      expect(viaPrisma).not.toBeNull();
      expect(await readCaseWithNotices(h.db.prisma, rawId)).toEqual(viaPrisma);
    }
    expect(await readCaseWithNotices(h.db.prisma, 'no-such-case')).toBeNull();
  });

  it('runs one statement besides authentication, whatever the number of notices', async () => {
    const r = await h.gql(CASE, { id: accepted.id }, viewer);
    expect(r.errors).toBeUndefined();
    expect(r.data!.case.state).toBe('UNDER_REVIEW');
    expect(r.data!.case.reviewDeadline).toBe('2025-01-25');
    expect(r.data!.case.notices.length).toBeGreaterThan(0);
    expect(r.data!.case.notices[0].issuedOn).toBe('2025-01-10');
    expect(r.statements).toHaveLength(2);
    expect(r.statements[1]).toContain('"Notice"');
    const none = await h.gql(CASE, { id: opened.id }, viewer);
    expect(none.data!.case.notices).toEqual([]);
    expect(none.statements).toHaveLength(2);
  });

  it("a selection it does not answer (events, a notice's case) still reads through Prisma", async () => {
    const r = await h.gql(
      'query($id: ID!) { case(id: $id) { caseName events { type } notices { number print { title } } } }',
      { id: accepted.id },
      viewer,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.case.caseName).toBe('已受理案');
    expect(r.data!.case.events.map((e: { type: string }) => e.type)).toContain('ACCEPT');
    expect(r.data!.case.notices[0].print.title).toBeTruthy();
    expect(r.statements.length).toBeGreaterThan(2);
  });

  it('answers only the selections it reads: columns, and notices in issue order with nothing nested', () => {
    const inOrder = { orderBy: { position: 'asc' } };
    expect(answersCaseQuery({})).toBe(true);
    expect(answersCaseQuery({ include: {} })).toBe(true);
    expect(answersCaseQuery({ include: { notices: inOrder } })).toBe(true);
    expect(answersCaseQuery({ include: { notices: true } })).toBe(false);
    expect(answersCaseQuery({ include: { notices: { orderBy: { position: 'desc' } } } })).toBe(
      false,
    );
    expect(
      answersCaseQuery({ include: { notices: { ...inOrder, include: { case: true } } } }),
    ).toBe(false);
    expect(
      answersCaseQuery({ include: { notices: { orderBy: { position: 'asc', kind: 'asc' } } } }),
    ).toBe(false);
    expect(answersCaseQuery({ include: { events: true } })).toBe(false);
    expect(answersCaseQuery({ include: { notices: inOrder, events: true } })).toBe(false);
    expect(answersCaseQuery({ select: { id: true } })).toBe(false);
  });

  it('an anonymous caller is refused before any case is read', async () => {
    const r = await h.gql(CASE, { id: accepted.id });
    expect(r.codes).toEqual(['UNAUTHENTICATED']);
    expect(r.statements).toHaveLength(0);
  });
});

describe('the cases connection', () => {
  const COLUMNS: CaseSortColumn[] = [
    'filedOn',
    'reviewDeadline',
    'caseName',
    'subjectName',
    'state',
    'createdAt',
    'updatedAt',
  ];

  it('reads an unfiltered first page as Prisma does, for every sort and direction', async () => {
    for (const column of COLUMNS) {
      for (const order of ['asc', 'desc'] as const) {
        for (const take of [1, 3]) {
          const viaPrisma = await h.db.prisma.discretionCase.findMany({
            orderBy: [{ [column]: order }, { id: 'asc' }],
            take,
          });
          expect(viaPrisma.length).toBeGreaterThan(0);
          expect(await readFirstCases(h.db.prisma, column, order, take)).toEqual(viaPrisma);
        }
      }
    }
    await expect(readFirstCases(h.db.prisma, 'id; --' as CaseSortColumn, 'asc', 1)).rejects.toThrow(
      /sort column/,
    );
  });

  it('reads an unfiltered first page and its total in one statement, as Prisma gives them', async () => {
    const total = await h.db.prisma.discretionCase.count();
    for (const column of COLUMNS) {
      for (const order of ['asc', 'desc'] as const) {
        for (const take of [1, 3]) {
          const viaPrisma = await h.db.prisma.discretionCase.findMany({
            orderBy: [{ [column]: order }, { id: 'asc' }],
            take,
          });
          expect(await readFirstCasesCounted(h.db.prisma, column, order, take)).toEqual({
            cases: viaPrisma,
            total,
          });
        }
      }
    }
    await expect(
      readFirstCasesCounted(h.db.prisma, 'id; --' as CaseSortColumn, 'asc', 1),
    ).rejects.toThrow(/sort column/);
  });

  it('serves an unfiltered first page of columns with its totalCount in one statement besides auth', async () => {
    const r = await h.gql(
      '{ cases(first: 1, sort: { field: CASE_NAME, direction: ASC }) { totalCount pageInfo { hasNextPage } edges { node { caseName state filedOn } } } }',
      {},
      viewer,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.cases.totalCount).toBe(2);
    expect(r.data!.cases.pageInfo.hasNextPage).toBe(true);
    expect(r.data!.cases.edges).toHaveLength(1);
    expect(r.statements).toHaveLength(2);
    const [page] = r.statements.filter((s) => s.includes('reltuples'));
    expect(page).toBeDefined();
    // Only the columns the nodes show (and id): not every column of every case.
    // (dates as epoch milliseconds)
    expect(page).toContain(
      'c."caseName", (extract(epoch FROM c."filedOn") * 1000)::float8 AS "filedOn", c."id", c."state"',
    );
    expect(page).not.toContain('c.*');
    // Without totalCount: the page's own statement.
    const uncounted = await h.gql(
      '{ cases(first: 1) { edges { node { caseName } } } }',
      {},
      viewer,
    );
    expect(uncounted.statements).toHaveLength(2);
    expect(uncounted.statements.filter((s) => s.includes('AS cases FROM'))).toHaveLength(1);
    // Nested relations, cursors and filters still read through Prisma, with the same answers.
    const nested = await h.gql(
      '{ cases(first: 5) { edges { cursor node { caseName notices { number } } } } }',
      {},
      viewer,
    );
    expect(nested.errors).toBeUndefined();
    expect(nested.statements.some((s) => s.includes('AS cases FROM'))).toBe(false);
    const plain = await h.gql(
      '{ cases(first: 5) { edges { cursor node { caseName } } } }',
      {},
      viewer,
    );
    expect(plain.data!.cases.edges.map((e: { node: unknown }) => e.node)).toEqual(
      nested.data!.cases.edges.map((e: { node: { caseName: string } }) => ({
        caseName: e.node.caseName,
      })),
    );
    const after = await h.gql(
      '{ cases(first: 5, after: $c) { edges { node { caseName } } } }'.replace(
        '$c',
        JSON.stringify(plain.data!.cases.edges[0].cursor),
      ),
      {},
      viewer,
    );
    expect(after.errors).toBeUndefined();
    expect(
      after.data!.cases.edges.map((e: { node: { caseName: string } }) => e.node.caseName),
    ).toEqual(
      plain.data!.cases.edges.slice(1).map((e: { node: { caseName: string } }) => e.node.caseName),
    );
  });

  it('reads only the columns asked for, as Prisma gives them; unknown columns are refused', async () => {
    for (const columns of [
      ['caseName'],
      ['state', 'reviewDeadline', 'conditionsMet'],
      ['createdAt'],
    ]) {
      const viaPrisma = await h.db.prisma.discretionCase.findMany({
        select: Object.fromEntries([...columns, 'filedOn', 'id'].map((c) => [c, true])),
        orderBy: [{ filedOn: 'desc' }, { id: 'asc' }],
        take: 3,
      });
      expect(await readFirstCases(h.db.prisma, 'filedOn', 'desc', 3, columns)).toEqual(viaPrisma);
      expect(
        (await readFirstCasesCounted(h.db.prisma, 'filedOn', 'desc', 3, columns)).cases,
      ).toEqual(viaPrisma);
    }
    await expect(
      readFirstCases(h.db.prisma, 'filedOn', 'desc', 1, ['caseName", (SELECT 1) AS "x']),
    ).rejects.toThrow(/not case columns/);
  });

  it('answers every field of a first page (through fragments too) as the Prisma path does', async () => {
    const fields = `id caseName subjectName caseNumber handler department contactName contactPhone
      caseFiledOn trigger filedOn state reviewMode reviewDays acceptedOn reviewDeadline overdue
      conditionsMet exclusions rejectionReason terminationReason passed decision keySupervision
      allowedEvents version createdAt updatedAt __typename`;
    const fast = await h.gql(
      `fragment F on DiscretionCase { ${fields} }
       { cases(first: 5) { totalCount edges { cursor node { ...F } } } }`,
      {},
      viewer,
    );
    expect(fast.errors).toBeUndefined();
    expect(fast.statements.some((s) => s.includes('json_agg(x ORDER BY'))).toBe(true);
    expect(fast.statements.some((s) => s.includes('c.*'))).toBe(false);
    // A filter takes the Prisma path (whole rows): the same answer, field for field.
    const viaPrisma = await h.gql(
      `{ cases(first: 5, filter: { filedFrom: "2000-01-01" }) { totalCount edges { cursor node { ${fields} } } } }`,
      {},
      viewer,
    );
    expect(viaPrisma.statements.some((s) => s.includes('json_agg(x ORDER BY'))).toBe(false);
    expect(fast.data).toEqual(viaPrisma.data);
    // A field whose columns Pothos does not know (a form built from the case) reads whole rows.
    const form = await h.gql(
      '{ cases(first: 1) { edges { node { caseName applicationForm { addressee } } } } }',
      {},
      viewer,
    );
    expect(form.errors).toBeUndefined();
    expect(form.statements.some((s) => s.includes('SELECT c.* FROM'))).toBe(true);
  });

  it('counts totalCount beside the page, not after it: both wait on the table at once', async () => {
    const locker = new pg.Client({ connectionString: h.db.url });
    const watcher = new pg.Client({ connectionString: h.db.url });
    await locker.connect();
    await watcher.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "DiscretionCase" IN ACCESS EXCLUSIVE MODE');
      const request = h.gql(
        '{ cases(first: 25, filter: { q: "案" }) { totalCount edges { node { caseName } } } }',
        {},
        viewer,
      );
      // Served one after the other, at most one statement of the request could wait on the lock.
      let waiting = 0;
      for (let i = 0; i < 400 && waiting < 2; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const { rows } = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%DiscretionCase%'`,
        );
        waiting = rows[0]!.n;
      }
      await locker.query('COMMIT');
      const r = await request;
      expect(r.errors).toBeUndefined();
      expect(r.data!.cases.totalCount).toBe(2);
      expect(r.data!.cases.edges).toHaveLength(2);
      expect(waiting).toBe(2);
    } finally {
      await locker.end();
      await watcher.end();
    }
  });
});

describe('an unfiltered total', () => {
  it('is one prepared statement per table on pg, counted like the others', async () => {
    // One connection: its prepared statements are the ones the requests made.
    const one = await createHarness({ maxConnections: 1 });
    try {
      const admin = (await one.userToken('ADMIN')).token;
      const cases = await one.gql('{ cases(first: 1) { totalCount } }', {}, admin);
      expect(cases.data).toEqual({ cases: { totalCount: 0 } });
      expect(cases.statements.some((s) => /reltuples/.test(s))).toBe(true);
      const audit = await one.gql('{ auditEntriesPage(perPage: 1) { total } }', {}, admin);
      expect(audit.errors).toBeUndefined();
      expect(audit.data!.auditEntriesPage.total).toBeGreaterThan(0);
      const prepared = await one.db.prisma.$queryRaw<{ name: string }[]>`
        SELECT name FROM pg_prepared_statements WHERE name LIKE 'gazette_total_%' ORDER BY name`;
      expect(prepared.map((p) => p.name)).toEqual([
        'gazette_total_AuditEntry',
        'gazette_total_DiscretionCase',
      ]);
    } finally {
      await one.close();
    }
  });
});
