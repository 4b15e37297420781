import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@gazette/domain';
import { ACCEPT, OPEN, OPEN_INPUT, TRANSITION, createHarness, type ApiHarness } from './helpers.ts';

const CASE = `query($id: ID!) { case(id: $id) {
  id caseName subjectName trigger filedOn state reviewMode reviewDays acceptedOn reviewDeadline overdue
  conditionsMet exclusions rejectionReason terminationReason passed decision keySupervision allowedEvents version
  events { seq type on fromState toState payload note }
  notices { kind number issuedOn print { title number addressee subjectName paragraphs issuer date } }
} }`;

let h: ApiHarness;
let sup: string;

async function open(input: Record<string, unknown> = OPEN_INPUT): Promise<string> {
  const r = await h.gql(OPEN, { input }, sup);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.openDiscretionReview.case.id;
}

async function move(id: string, event: Record<string, unknown>) {
  return h.gql(TRANSITION, { id, event }, sup);
}

/** Everything a transition could touch, to show that a refusal changed nothing. */
async function snapshot() {
  const p = h.db.prisma;
  return {
    cases: await p.discretionCase.findMany({ orderBy: { id: 'asc' } }),
    events: await p.caseEvent.findMany({ orderBy: { id: 'asc' } }),
    notices: await p.notice.findMany({ orderBy: { id: 'asc' } }),
    counters: await p.noticeCounter.findMany({ orderBy: [{ kind: 'asc' }, { year: 'asc' }] }),
    audit: await p.auditEntry.count(),
  };
}

beforeAll(async () => {
  h = await createHarness();
  sup = (await h.userToken('SUPERVISOR')).token;
});
afterAll(() => h.close());

describe('a discretion review from registration to decision', () => {
  it('opens REGISTERED, accepts with two notices, records the result and decides', async () => {
    const id = await open();
    const opened = (await h.gql(CASE, { id }, sup)).data!.case;
    expect(opened).toMatchObject({
      state: 'REGISTERED',
      filedOn: '2025-01-06',
      trigger: 'SUBJECT_APPLICATION',
      notices: [],
      events: [],
    });
    expect(opened.allowedEvents).toEqual(['ACCEPT', 'REJECT']);

    const accepted = await move(id, { ...ACCEPT, note: '经部门负责人审核同意' });
    expect(accepted.errors).toBeUndefined();
    // 泸市监规发〔2024〕2号 第十三条: deadline = on + reviewDays.
    expect(accepted.data!.transitionCase.case).toEqual({
      id,
      state: 'UNDER_REVIEW',
      reviewDeadline: '2025-01-25',
      notices: [
        { kind: 'ACCEPTANCE', number: '泸市监受理书〔2025〕1号', issuedOn: '2025-01-10' },
        { kind: 'SUSPENSION', number: '泸市监中止书〔2025〕1号', issuedOn: '2025-01-10' },
      ],
    });

    expect(
      (await move(id, { type: 'RECORD_RESULT', on: '2025-01-24', passed: true })).errors,
    ).toBeUndefined();
    const decided = await move(id, { type: 'DECIDE', on: '2025-01-27', decision: 'LIGHTER' });
    expect(decided.errors).toBeUndefined();

    const c = (await h.gql(CASE, { id }, sup)).data!.case;
    expect(c).toMatchObject({
      state: 'DECIDED',
      reviewMode: 'INTERNAL',
      reviewDays: 15,
      acceptedOn: '2025-01-10',
      conditionsMet: ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING', 'VOLUNTARY'],
      exclusions: [],
      passed: true,
      decision: 'LIGHTER',
      keySupervision: true, // 第十八条: a lighter penalty puts the subject on key supervision
      allowedEvents: [],
      overdue: false,
      version: 4,
    });
    expect(
      c.events.map((e: { type: string; fromState: string; toState: string; seq: number }) => [
        e.seq,
        e.type,
        e.fromState,
        e.toState,
      ]),
    ).toEqual([
      [1, 'ACCEPT', 'REGISTERED', 'UNDER_REVIEW'],
      [2, 'RECORD_RESULT', 'UNDER_REVIEW', 'PASSED'],
      [3, 'DECIDE', 'PASSED', 'DECIDED'],
    ]);
    expect(c.events[0].note).toBe('经部门负责人审核同意');
    expect(c.events[0].payload).toMatchObject({ reviewMode: 'INTERNAL', reviewDays: 15 });
    expect(c.notices.map((n: { kind: string; number: string }) => [n.kind, n.number])).toEqual([
      ['ACCEPTANCE', '泸市监受理书〔2025〕1号'],
      ['SUSPENSION', '泸市监中止书〔2025〕1号'],
      ['RESULT', '泸市监审结书〔2025〕1号'],
    ]);
    const print = c.notices[0].print;
    expect(print.title).toContain('受理通知书');
    expect(print).toMatchObject({
      number: '泸市监受理书〔2025〕1号',
      issuer: '泸州市市场监督管理局',
      date: '2025年1月10日',
    });
    expect(print.addressee).toContain(OPEN_INPUT.subjectName);
    expect(print.paragraphs.join('')).toContain('至2025年1月25日');
  });

  it('numbers notices per kind and year: the next case continues, a new year starts at 1', async () => {
    const a = await open();
    const termination = await move(a, ACCEPT);
    expect(
      termination.data!.transitionCase.case.notices.map((n: { number: string }) => n.number),
    ).toEqual(['泸市监受理书〔2025〕2号', '泸市监中止书〔2025〕2号']);
    const t = await move(a, { type: 'TERMINATE', on: '2025-01-20', reason: 'NEW_VIOLATION' });
    expect(t.data!.transitionCase.case.state).toBe('TERMINATED');
    expect(t.data!.transitionCase.case.notices.at(-1)).toEqual({
      kind: 'TERMINATION',
      number: '泸市监终止书〔2025〕1号',
      issuedOn: '2025-01-20',
    });

    const b = await open({ ...OPEN_INPUT, filedOn: '2025-12-20' });
    const next = await move(b, { ...ACCEPT, on: '2026-01-05' });
    expect(next.data!.transitionCase.case.notices.map((n: { number: string }) => n.number)).toEqual(
      ['泸市监受理书〔2026〕1号', '泸市监中止书〔2026〕1号'],
    );
  });

  it('rejects from REGISTERED with a reason and no notice', async () => {
    const id = await open();
    const r = await move(id, { type: 'REJECT', on: '2025-01-08', reason: '不符合第四条(四)' });
    expect(r.data!.transitionCase.case).toMatchObject({ state: 'REJECTED', notices: [] });
    const c = (await h.gql(CASE, { id }, sup)).data!.case;
    expect(c.rejectionReason).toBe('不符合第四条(四)');
    expect(c.allowedEvents).toEqual([]);
  });

  it('writes one audit entry per write, naming the actor and the states', async () => {
    const id = await open();
    await move(id, ACCEPT);
    const raw = Buffer.from(id, 'base64').toString().split(':')[1]!;
    const entries = await h.db.prisma.auditEntry.findMany({
      where: { entity: 'DiscretionCase', entityId: raw },
      orderBy: { id: 'asc' },
    });
    expect(entries.map((e) => e.action)).toEqual(['case.open', 'case.accept']);
    expect(entries[1]!.actorLabel).toMatch(/^supervisor-\d+@gazette\.test$/);
    expect(entries[1]!.before).toMatchObject({ state: 'REGISTERED' });
    expect(entries[1]!.after).toMatchObject({
      state: 'UNDER_REVIEW',
      notices: [expect.stringMatching(/^泸市监受理书/), expect.stringMatching(/^泸市监中止书/)],
    });
  });
});

describe('refusals change nothing', () => {
  const cases: [
    string,
    (id: string) => Promise<unknown>,
    Record<string, unknown>,
    string,
    string?,
  ][] = [
    [
      'DECIDE from REGISTERED',
      async () => undefined,
      { type: 'DECIDE', on: '2025-01-10', decision: 'NO_PENALTY' },
      'INVALID_TRANSITION',
    ],
    [
      'TERMINATE from REGISTERED',
      async () => undefined,
      { type: 'TERMINATE', on: '2025-01-10', reason: 'OTHER' },
      'INVALID_TRANSITION',
    ],
    ['ACCEPT twice', (id) => move(id, ACCEPT), ACCEPT, 'INVALID_TRANSITION'],
    // 第四条: all four conditions must hold.
    [
      'ACCEPT without VOLUNTARY',
      async () => undefined,
      { ...ACCEPT, conditionsMet: ['FACTS_CLEAR', 'COOPERATED', 'RECTIFYING'] },
      'INVALID_TRANSITION',
    ],
    // 第五条: any exclusion rules the subject out.
    [
      'ACCEPT with an exclusion',
      async () => undefined,
      { ...ACCEPT, exclusions: ['INTENTIONAL'] },
      'INVALID_TRANSITION',
    ],
    // 第十三条: at most two calendar months.
    [
      'ACCEPT past two months',
      async () => undefined,
      { ...ACCEPT, reviewDays: 60 },
      'BAD_USER_INPUT',
      'reviewDays',
    ],
    [
      'ACCEPT without reviewMode',
      async () => undefined,
      { ...ACCEPT, reviewMode: null },
      'BAD_USER_INPUT',
      'reviewMode',
    ],
    [
      'REJECT without reason',
      async () => undefined,
      { type: 'REJECT', on: '2025-01-10' },
      'BAD_USER_INPUT',
      'reason',
    ],
    [
      'an event before filing',
      async () => undefined,
      { ...ACCEPT, on: '2025-01-01' },
      'BAD_USER_INPUT',
      'on',
    ],
    [
      'RECORD_RESULT after DECIDE',
      async (id) => {
        await move(id, ACCEPT);
        await move(id, { type: 'RECORD_RESULT', on: '2025-01-20', passed: false });
        await move(id, { type: 'DECIDE', on: '2025-01-21', decision: 'STANDARD' });
      },
      { type: 'RECORD_RESULT', on: '2025-01-22', passed: true },
      'INVALID_TRANSITION',
    ],
  ];

  it.each(cases)('%s → %s', async (_name, prepare, event, code, field) => {
    const id = await open();
    await prepare(id);
    const before = await snapshot();
    const r = await move(id, event);
    expect(r.codes).toEqual([code]);
    if (field) expect(r.errors![0]!.extensions?.field).toBe(field);
    expect(r.data).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown case is NOT_FOUND', async () => {
    const ghost = Buffer.from('DiscretionCase:00000000-0000-0000-0000-000000000000').toString(
      'base64',
    );
    const r = await move(ghost, ACCEPT);
    expect(r.codes).toEqual(['NOT_FOUND']);
    expect((await h.gql(CASE, { id: ghost }, sup)).data!.case).toBeNull();
  });

  it('a bad open input is BAD_USER_INPUT and creates nothing', async () => {
    const before = await snapshot();
    const r = await h.gql(OPEN, { input: { ...OPEN_INPUT, caseName: '   ' } }, sup);
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('listing cases', () => {
  it('filters by state and overdue, sorts, and pages with a total', async () => {
    const today = todayInShanghai();
    const late = await open({
      ...OPEN_INPUT,
      caseName: '列表甲逾期',
      filedOn: addDays(today, -40),
    });
    await move(late, { ...ACCEPT, on: addDays(today, -30), reviewDays: 10 });
    const fresh = await open({
      ...OPEN_INPUT,
      caseName: '列表乙按期',
      filedOn: addDays(today, -2),
    });
    await move(fresh, { ...ACCEPT, on: addDays(today, -1), reviewDays: 15 });

    const overdue = await h.gql(
      '{ casesPage(filter: { overdue: true, q: "列表" }) { total nodes { caseName overdue } } }',
      {},
      sup,
    );
    expect(overdue.data!.casesPage).toEqual({
      total: 1,
      nodes: [{ caseName: '列表甲逾期', overdue: true }],
    });

    const onTime = await h.gql(
      '{ casesPage(filter: { overdue: false, q: "列表" }) { total nodes { caseName overdue } } }',
      {},
      sup,
    );
    expect(onTime.data!.casesPage).toEqual({
      total: 1,
      nodes: [{ caseName: '列表乙按期', overdue: false }],
    });

    const conn = await h.gql(
      '{ cases(first: 10, filter: { state: [UNDER_REVIEW] }, sort: { field: REVIEW_DEADLINE, direction: DESC }) { totalCount edges { node { caseName reviewDeadline } } } }',
      {},
      sup,
    );
    const names = conn.data!.cases.edges.map(
      (e: { node: { caseName: string } }) => e.node.caseName,
    );
    expect(names[0]).toBe('列表乙按期');
    expect(names).toContain('列表甲逾期');
    const deadlines = conn.data!.cases.edges.map(
      (e: { node: { reviewDeadline: string } }) => e.node.reviewDeadline,
    );
    expect([...deadlines].sort().reverse()).toEqual(deadlines);
    expect(conn.data!.cases.totalCount).toBe(names.length);

    const page2 = await h.gql(
      '{ casesPage(page: 2, perPage: 1, sort: { field: "caseName", order: ASC }) { total nodes { caseName } } }',
      {},
      sup,
    );
    const all = await h.gql(
      '{ casesPage(perPage: 100, sort: { field: "caseName", order: ASC }) { total nodes { caseName } } }',
      {},
      sup,
    );
    expect(page2.data!.casesPage.total).toBe(all.data!.casesPage.total);
    expect(page2.data!.casesPage.nodes[0].caseName).toBe(all.data!.casesPage.nodes[1].caseName);
  });

  it('refuses perPage over 100 and an unknown sort field', async () => {
    expect((await h.gql('{ casesPage(perPage: 101) { total } }', {}, sup)).codes).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      (await h.gql('{ casesPage(sort: { field: "passwordHash", order: ASC }) { total } }', {}, sup))
        .codes,
    ).toEqual(['BAD_USER_INPUT']);
    expect((await h.gql('{ cases(first: 101) { totalCount } }', {}, sup)).codes).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('correcting a case', () => {
  const UPDATE =
    'mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, version: $v, input: $input) { caseName subjectName state version } }';

  it('renames with the current version, refuses a stale one with CONFLICT and a blank name with BAD_USER_INPUT', async () => {
    const id = await open();
    const ok = await h.gql(
      UPDATE,
      { id, v: 1, input: { subjectName: '泸州市江阳区某餐饮有限公司' } },
      sup,
    );
    expect(ok.data!.updateCase).toEqual({
      caseName: OPEN_INPUT.caseName,
      subjectName: '泸州市江阳区某餐饮有限公司',
      state: 'REGISTERED',
      version: 2,
    });
    const before = await snapshot();
    const stale = await h.gql(UPDATE, { id, v: 1, input: { caseName: '旧版本' } }, sup);
    expect(stale.codes).toEqual(['CONFLICT']);
    const blank = await h.gql(UPDATE, { id, v: 2, input: { caseName: '  ' } }, sup);
    expect(blank.codes).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors![0]!.extensions?.field).toBe('input.caseName');
    expect(await snapshot()).toEqual(before);
  });
});

describe('correcting the registration', () => {
  const UPDATE =
    'mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, version: $v, input: $input) { trigger filedOn version } }';

  it('changes trigger and filing date while REGISTERED, not after acceptance', async () => {
    const id = await open();
    const ok = await h.gql(
      UPDATE,
      { id, v: 1, input: { trigger: 'OVERSIGHT_RECOMMENDATION', filedOn: '2025-01-07' } },
      sup,
    );
    expect(ok.data!.updateCase).toEqual({
      trigger: 'OVERSIGHT_RECOMMENDATION',
      filedOn: '2025-01-07',
      version: 2,
    });
    await move(id, ACCEPT);
    const before = await snapshot();
    const late = await h.gql(UPDATE, { id, v: 3, input: { filedOn: '2025-01-02' } }, sup);
    expect(late.codes).toEqual(['BAD_USER_INPUT']);
    expect(late.errors![0]!.extensions?.field).toBe('filedOn');
    expect(await snapshot()).toEqual(before);
  });
});

describe('案号 and 承办人', () => {
  const UPDATE =
    'mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, version: $v, input: $input) { caseNumber handler version } }';
  const READ = 'query($id: ID!) { case(id: $id) { caseNumber handler } }';

  it('are registered, unique, found by the list search, corrected and cleared', async () => {
    const id = await open({
      ...OPEN_INPUT,
      caseNumber: ' 泸市监处〔2025〕7号 ',
      handler: '张某、李某',
    });
    expect((await h.gql(READ, { id }, sup)).data!.case).toEqual({
      caseNumber: '泸市监处〔2025〕7号',
      handler: '张某、李某',
    });

    const before = await snapshot();
    const dup = await h.gql(
      OPEN,
      { input: { ...OPEN_INPUT, caseNumber: '泸市监处〔2025〕7号' } },
      sup,
    );
    expect(dup.codes).toEqual(['BAD_USER_INPUT']);
    expect(dup.errors![0]!.extensions?.field).toBe('input.caseNumber');
    expect(await snapshot()).toEqual(before);

    const found = await h.gql(
      '{ casesPage(filter: { q: "监处〔2025〕7" }) { total nodes { caseNumber } } }',
      {},
      sup,
    );
    expect(found.data!.casesPage).toEqual({
      total: 1,
      nodes: [{ caseNumber: '泸市监处〔2025〕7号' }],
    });

    const other = await open();
    const taken = await h.gql(
      UPDATE,
      { id: other, v: 1, input: { caseNumber: '泸市监处〔2025〕7号' } },
      sup,
    );
    expect(taken.errors![0]!.extensions?.field).toBe('input.caseNumber');

    const changed = await h.gql(UPDATE, { id, v: 1, input: { handler: '王某' } }, sup);
    expect(changed.data!.updateCase).toEqual({
      caseNumber: '泸市监处〔2025〕7号',
      handler: '王某',
      version: 2,
    });
    const cleared = await h.gql(UPDATE, { id, v: 2, input: { caseNumber: '' } }, sup);
    expect(cleared.data!.updateCase).toEqual({ caseNumber: null, handler: '王某', version: 3 });
    const raw = Buffer.from(id, 'base64').toString().split(':')[1]!;
    const audit = await h.db.prisma.auditEntry.findMany({
      where: { entityId: raw, action: 'case.update' },
    });
    expect(audit).toHaveLength(2);
  });
});

describe('notice contacts and 立案日期', () => {
  const PRINT =
    'query($id: ID!) { case(id: $id) { caseFiledOn department notices { kind print { caseFiledOn department contactName contactPhone } } } }';

  it('are printed on the notices, and a 立案日期 after registration or a bad phone is refused on its field', async () => {
    const input = {
      ...OPEN_INPUT,
      caseFiledOn: '2025-01-02',
      department: '食品经营安全监督管理科',
      contactName: '吴某',
      contactPhone: '0830-1234567',
    };
    const id = await open(input);
    await move(id, ACCEPT);
    const r = await h.gql(PRINT, { id }, sup);
    expect(r.errors).toBeUndefined();
    expect(r.data!.case.caseFiledOn).toBe('2025-01-02');
    const acceptance = r.data!.case.notices.find((n: { kind: string }) => n.kind === 'ACCEPTANCE');
    expect(acceptance.print).toEqual({
      caseFiledOn: '2025年1月2日',
      department: '食品经营安全监督管理科',
      contactName: '吴某',
      contactPhone: '0830-1234567',
    });

    const before = await snapshot();
    const late = await h.gql(OPEN, { input: { ...input, caseFiledOn: '2025-01-07' } }, sup);
    expect(late.codes).toEqual(['BAD_USER_INPUT']);
    expect(late.errors![0]!.extensions?.field).toBe('input.caseFiledOn');
    const phone = await h.gql(OPEN, { input: { ...input, contactPhone: '电话号码' } }, sup);
    expect(phone.codes).toEqual(['BAD_USER_INPUT']);
    expect(phone.errors![0]!.extensions?.field).toBe('input.contactPhone');
    expect(await snapshot()).toEqual(before);
  });
});

describe('correcting a step', () => {
  const CORRECT =
    'mutation($id: ID!, $v: Int!, $input: CorrectCaseEventInput!) { correctCaseEvent(id: $id, version: $v, input: $input) { case { acceptedOn reviewDeadline version events { seq on note } notices { kind issuedOn } } } }';
  const READ =
    'query($id: ID!) { case(id: $id) { version acceptedOn reviewDeadline events { seq on note } } }';

  it('corrects the latest step with a reason, recomputing its deadline and notices, audited; refuses the rest', async () => {
    const id = await open();
    await move(id, ACCEPT);
    const read = (await h.gql(READ, { id }, sup)).data!.case;
    const seq = read.events.at(-1).seq as number;
    const moveBy = (d: string, n: number) => addDays(d, n);
    const newOn = moveBy(read.acceptedOn, 1);

    const before = await snapshot();
    const stale = await h.gql(
      CORRECT,
      { id, v: read.version - 1, input: { seq, on: newOn, reason: '录入错误' } },
      sup,
    );
    expect(stale.codes).toEqual(['CONFLICT']);
    const blank = await h.gql(
      CORRECT,
      { id, v: read.version, input: { seq, on: newOn, reason: ' ' } },
      sup,
    );
    expect(blank.errors![0]!.extensions?.field).toBe('input.reason');
    const older = await h.gql(
      CORRECT,
      { id, v: read.version, input: { seq: seq - 1, on: newOn, reason: '录入错误' } },
      sup,
    );
    expect(older.errors![0]!.extensions?.field).toBe('input.seq');
    const early = await h.gql(
      CORRECT,
      { id, v: read.version, input: { seq, on: '2024-12-31', reason: '录入错误' } },
      sup,
    );
    expect(early.codes).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot()).toEqual(before);

    const ok = await h.gql(
      CORRECT,
      { id, v: read.version, input: { seq, on: newOn, note: '补记', reason: '受理日期录入错误' } },
      sup,
    );
    expect(ok.errors).toBeUndefined();
    const c = ok.data!.correctCaseEvent.case;
    expect(c.acceptedOn).toBe(newOn);
    expect(c.reviewDeadline).toBe(moveBy(read.reviewDeadline, 1));
    expect(c.version).toBe(read.version + 1);
    expect(c.events.at(-1)).toEqual({ seq, on: newOn, note: '补记' });
    expect(c.notices.every((n: { issuedOn: string }) => n.issuedOn === newOn)).toBe(true);
    const raw = Buffer.from(id, 'base64').toString().split(':')[1]!;
    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({
      where: { entityId: raw, action: 'case.correct' },
    });
    expect(audit.after).toMatchObject({
      reason: '受理日期录入错误',
      acceptedOn: expect.stringContaining(newOn),
    });
    expect(audit.before).toMatchObject({ acceptedOn: expect.stringContaining(read.acceptedOn) });
  });
});
