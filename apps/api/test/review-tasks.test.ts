// Validity review tasks (issue "Time and scale"): created by the job, due six months before the
// end of a trial and three months before for others, flagged when overdue, assigned and resolved
// by administrators with version checks and audit entries; the rate tables left without rates.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReviewTasks, startReviewTaskJob } from '../src/services/review-tasks.ts';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let supervisor: string;
let admin: string;
beforeAll(async () => {
  api = await createApi();
  supervisor = await api.tokenFor('SUPERVISOR');
  admin = await api.tokenFor('ADMIN');
});
afterAll(async () => {
  await api?.close();
});

const TASK = `id dueOn overdue(asOf: $asOf) outcome replacedByDocNo replacedBy { docNo } note resolvedAt version assigneeLabel
  policy { docNo expiresOn isTrial } tablesLeftWithoutRates { key }`;

const task = async (docNo: string, asOf = '2026-12-02') => {
  const r = await api.gql(
    `query($d: String!, $asOf: Date) { policy(docNo: $d) { reviewTask { ${TASK} } } }`,
    { d: docNo, asOf },
    { token: supervisor },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.policy.reviewTask;
};

describe('the review task job', () => {
  it('creates one task per document with an end date, and a second run creates none', async () => {
    const withEnd = await api.db.prisma.policy.count({ where: { expiresOn: { not: null } } });
    expect(withEnd).toBeGreaterThanOrEqual(3);
    expect(await ensureReviewTasks(api.db.prisma)).toEqual({
      ran: true,
      created: withEnd,
      rescheduled: 0,
    });
    expect(await ensureReviewTasks(api.db.prisma)).toEqual({
      ran: true,
      created: 0,
      rescheduled: 0,
    });
    expect(await api.db.prisma.reviewTask.count()).toBe(withEnd);
  });

  it('runs once when several instances start it together (advisory lock), without duplicates', async () => {
    await api.db.prisma.reviewTask.deleteMany({});
    const runs = await Promise.all([1, 2, 3].map(() => ensureReviewTasks(api.db.prisma)));
    const total = await api.db.prisma.reviewTask.count();
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(total);
    expect(runs.filter((r) => r.ran && r.created > 0)).toHaveLength(1);
    expect(await api.db.prisma.policy.count({ where: { expiresOn: { not: null } } })).toBe(total);
  });

  it('starts with a run and keeps an unref-ed timer that stop() clears', async () => {
    const job = await startReviewTaskJob(api.db.prisma, pino({ level: 'silent' }), 50);
    expect(job.first).toEqual({ ran: true, created: 0, rescheduled: 0 });
    await new Promise((r) => setTimeout(r, 120));
    job.stop();
  });
});

describe('Done when: Expiring(asOf: 2026-12-02, withinDays: 30)', () => {
  it('lists 泸市监规发〔2024〕2号 with daysLeft 16, and its review task (due 2026-06-18) is overdue', async () => {
    const r = await api.gql(
      `query($asOf: Date) { expiringPolicies(asOf: $asOf, withinDays: 30) { docNo daysLeft(asOf: $asOf) reviewTask { dueOn overdue(asOf: $asOf) outcome } } }`,
      { asOf: '2026-12-02' },
      { token: supervisor },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.expiringPolicies).toEqual([
      {
        docNo: '泸市监规发〔2024〕2号',
        daysLeft: 16,
        reviewTask: { dueOn: '2026-06-18', overdue: true, outcome: null },
      },
    ]);
  });
});

describe('due dates and flags', () => {
  it('is due six months before the end of a trial and three months before otherwise', async () => {
    const medical = await task('泸市医保规〔2024〕4号');
    expect(medical).toMatchObject({
      dueOn: '2026-04-30',
      overdue: true,
      policy: { expiresOn: '2026-10-31', isTrial: true },
    });
    const rehab = await task('泸市府规〔2024〕4号');
    expect(rehab).toMatchObject({
      dueOn: '2029-10-05',
      overdue: false,
      policy: { expiresOn: '2030-01-05', isTrial: false },
    });
    // Not overdue on the due day itself.
    expect((await task('泸市监规发〔2024〕2号', '2026-06-18')).overdue).toBe(false);
    expect((await task('泸市监规发〔2024〕2号', '2026-06-19')).overdue).toBe(true);
  });

  it('names the rate tables that have no published version the day after the end', async () => {
    expect((await task('泸市医保规〔2024〕4号')).tablesLeftWithoutRates).toEqual([
      { key: 'medical-service-prices' },
    ]);
    expect((await task('泸市府规〔2024〕4号')).tablesLeftWithoutRates).toEqual([
      { key: 'child-rehab-assistance-standards' },
    ]);
    expect((await task('泸市监规发〔2024〕2号')).tablesLeftWithoutRates).toEqual([]);
  });

  it('has no task for a document without an end date', async () => {
    const r = await api.gql(
      '{ policy(docNo: "泸市府函〔2024〕270号") { expiresOn reviewTask { id } } }',
      {},
      { token: supervisor },
    );
    expect(r.data).toEqual({ policy: { expiresOn: null, reviewTask: null } });
  });

  it('lists tasks soonest due first, filtered by overdue and open', async () => {
    const list = async (filter: Record<string, unknown>) => {
      const r = await api.gql(
        `query($f: ReviewTaskFilter) { reviewTasks(filter: $f, first: 50) { totalCount edges { node { dueOn policy { docNo } } } } }`,
        { f: filter },
        { token: supervisor },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.reviewTasks as {
        totalCount: number;
        edges: { node: { dueOn: string; policy: { docNo: string } } }[];
      };
    };
    const overdue = await list({ overdue: true, asOf: '2026-12-02' });
    expect(overdue.edges.map((e) => e.node.policy.docNo)).toEqual([
      '泸市医保规〔2024〕4号',
      '泸市监规发〔2024〕2号',
    ]);
    const all = await list({});
    const dues = all.edges.map((e) => e.node.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect((await list({ overdue: false, asOf: '2026-12-02' })).totalCount).toBe(
      all.totalCount - 2,
    );
    expect((await list({ open: false })).totalCount).toBe(0);
  });

  it('moves the due date of an open task when the document’s end changes', async () => {
    const p = await api.db.prisma.policy.findUniqueOrThrow({
      where: { docNo: '泸市府规〔2024〕4号' },
    });
    const r = await api.gql(
      `mutation($id: ID!, $v: Int!) { updatePolicy(id: $id, version: $v, input: { expiresOn: "2030-03-31" }) { expiresOn } }`,
      { id: p.id, v: p.version },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(await ensureReviewTasks(api.db.prisma)).toEqual({
      ran: true,
      created: 0,
      rescheduled: 1,
    });
    expect((await task('泸市府规〔2024〕4号')).dueOn).toBe('2029-12-31');
  });
});

describe('who may see and change tasks', () => {
  it('refuses viewers and anonymous callers', async () => {
    const viewer = await api.tokenFor('VIEWER');
    expect(
      (await api.gql('{ reviewTasks(first: 1) { totalCount } }', {}, { token: viewer })).codes,
    ).toEqual(['FORBIDDEN']);
    expect(
      (await api.gql('{ policy(docNo: "泸市监规发〔2024〕2号") { reviewTask { id } } }')).codes,
    ).toEqual(['UNAUTHENTICATED']);
  });

  it('lets supervisors read but not assign or resolve', async () => {
    const t = await task('泸市监规发〔2024〕2号');
    const r = await api.gql(
      `mutation($id: ID!, $v: Int!) { resolveReviewTask(id: $id, version: $v, outcome: LAPSES) { id } }`,
      { id: t.id, v: t.version },
      { token: supervisor },
    );
    expect(r.codes).toEqual(['FORBIDDEN']);
  });
});

describe('assignReviewTask and resolveReviewTask', () => {
  const ASSIGN = `mutation($id: ID!, $v: Int!, $a: ID!, $asOf: Date) { assignReviewTask(id: $id, version: $v, assigneeId: $a) { ${TASK} } }`;
  const RESOLVE = `mutation($id: ID!, $v: Int!, $o: ReviewOutcome!, $r: String, $n: String, $asOf: Date) {
    resolveReviewTask(id: $id, version: $v, outcome: $o, replacedBy: $r, note: $n) { ${TASK} } }`;

  it('assigns an active supervisor, refuses a viewer, and answers CONFLICT to a stale version', async () => {
    const t = await task('泸市监规发〔2024〕2号');
    const sup = await api.db.prisma.user.findFirstOrThrow({ where: { role: 'SUPERVISOR' } });
    const viewer = await api.db.prisma.user.findFirstOrThrow({ where: { role: 'VIEWER' } });
    const refused = await api.gql(
      ASSIGN,
      { id: t.id, v: t.version, a: viewer.id },
      { token: admin },
    );
    expect(refused.codes).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions?.field).toBe('assigneeId');
    const ok = await api.gql(
      ASSIGN,
      { id: t.id, v: t.version, a: sup.id, asOf: '2026-12-02' },
      { token: admin },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.assignReviewTask).toMatchObject({
      assigneeLabel: sup.email,
      version: t.version + 1,
      overdue: true,
    });
    const stale = await api.gql(ASSIGN, { id: t.id, v: t.version, a: sup.id }, { token: admin });
    expect(stale.codes).toEqual(['CONFLICT']);
  });

  it('needs a known document for REPLACED, naming replacedBy', async () => {
    const t = await task('泸市监规发〔2024〕2号');
    for (const r of [null, '泸市监规发〔2099〕99号', '不是文号']) {
      const res = await api.gql(
        RESOLVE,
        { id: t.id, v: t.version, o: 'REPLACED', r },
        { token: admin },
      );
      expect(res.codes).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.extensions?.field).toBe('replacedBy');
    }
    const extra = await api.gql(
      RESOLVE,
      { id: t.id, v: t.version, o: 'EXTENDED', r: '泸市府规〔2024〕4号' },
      { token: admin },
    );
    expect(extra.errors![0]!.extensions?.field).toBe('replacedBy');
  });

  it('resolves as REPLACED by a known number in any bracket form, audited; no longer overdue; stale → CONFLICT', async () => {
    const t = await task('泸市监规发〔2024〕2号');
    const r = await api.gql(
      RESOLVE,
      {
        id: t.id,
        v: t.version,
        o: 'REPLACED',
        r: '泸市府规[2024]4号',
        n: '由新文件代替',
        asOf: '2026-12-02',
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.resolveReviewTask).toMatchObject({
      outcome: 'REPLACED',
      replacedByDocNo: '泸市府规〔2024〕4号',
      replacedBy: { docNo: '泸市府规〔2024〕4号' },
      note: '由新文件代替',
      overdue: false,
      version: t.version + 1,
    });
    expect(r.data!.resolveReviewTask.resolvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const audit = await api.db.prisma.auditEntry.findFirstOrThrow({
      where: { entity: 'ReviewTask', action: 'reviewTask.resolve' },
      orderBy: { id: 'desc' },
    });
    expect(audit.after).toMatchObject({
      outcome: 'REPLACED',
      replacedByDocNo: '泸市府规〔2024〕4号',
    });
    const stale = await api.gql(RESOLVE, { id: t.id, v: t.version, o: 'LAPSES' }, { token: admin });
    expect(stale.codes).toEqual(['CONFLICT']);
    // A resolved task keeps its date when the job runs again.
    expect((await ensureReviewTasks(api.db.prisma)).rescheduled).toBe(0);
  });
});

describe('a repealed document', () => {
  it('needs no review: the job settles its open task as REPLACED by the repealing document', async () => {
    const medical = await task('泸市医保规〔2024〕4号');
    expect(medical.outcome).toBeNull();
    const repealer = await api.db.prisma.policy.findUniqueOrThrow({
      where: { docNo: '泸市府规〔2024〕4号' },
    });
    await api.db.prisma.policy.update({
      where: { docNo: '泸市医保规〔2024〕4号' },
      data: { repealedById: repealer.id, repealedOn: new Date('2025-04-01') },
    });
    await ensureReviewTasks(api.db.prisma);
    const settled = await task('泸市医保规〔2024〕4号');
    expect(settled).toMatchObject({
      outcome: 'REPLACED',
      replacedByDocNo: '泸市府规〔2024〕4号',
      overdue: false,
      version: medical.version + 1,
    });
    expect(settled.note).toContain('废止');
  });
});
