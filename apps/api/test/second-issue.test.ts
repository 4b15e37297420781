// A second issue enters through the API (issue 8, "Done when"): 2025年第3期, a test issue in the
// seed's form (packages/gazette/fixtures/luzhou-2025-03.md, values in its README) with a new price
// notice that repeals 泸市医保规〔2024〕4号 and changes a few prices and one cap, a normative
// document with a validity clause, and the 2025Q1 通报 whose bodies overlap 2024Q4's.
import { readFileSync } from 'node:fs';
import { garble, readFixtureIssue } from '@gazette/gazette/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api, type GqlResult } from './helpers.ts';
import { nextOperation } from './next-operations.ts';

const read = (file: string) =>
  readFileSync(new URL(`../contract/${file}`, import.meta.url), 'utf8');
const CONTRACT = read('operations.graphql');
const ISSUE = readFixtureIssue('luzhou-2025-03');

let api: Api;
let admin: string;
beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
});
afterAll(async () => {
  await api?.close();
});

const next = (
  operationName: string,
  variables: Record<string, unknown>,
  token: string | null = admin,
) => api.gql(nextOperation(operationName), variables, { operationName, token });
const contract = (operationName: string, variables: Record<string, unknown>) =>
  api.gql(CONTRACT, variables, { operationName });

async function counts() {
  const p = api.db.prisma;
  return {
    policies: await p.policy.count(),
    versions: await p.rateTableVersion.count(),
    entries: await p.rateEntry.count(),
    rounds: await p.inspectionRound.count(),
    issues: await p.gazetteIssue.count(),
    repealed: await p.policy.count({ where: { repealedById: { not: null } } }),
  };
}

const price = async (code: string, grade: string, asOf: string) => {
  const r = await contract('MedicalServicePrice', { code, grade, asOf });
  expect(r.errors).toBeUndefined();
  return r.data!.medicalServicePrice as { amount: string | null; docNo?: string } | null;
};

const quote = (asOf: string, grade: string, items: { code: string; quantity: number }[]) =>
  contract('MedicalServiceQuote', { input: { grade, asOf, items } });

describe('a damaged copy of 2025年第3期', () => {
  it('is refused with the garbled price cell named by its line, and changes nothing', async () => {
    const damaged = garble(ISSUE, '1800', { at: '311201069', replace: 'l8O0' });
    const before = await counts();
    const r = await next('ImportGazetteIssue', { text: damaged.text });
    expect(r.errors).toBeUndefined();
    const draft = r.data!.importGazetteIssue;
    expect(draft.problems.map((p: { line: number }) => p.line)).toContain(damaged.line);
    expect(draft.problems.find((p: { line: number }) => p.line === damaged.line).message).toContain(
      'l8O0',
    );
    const applied = await next('ApplyGazetteImport', { id: draft.id });
    expect(applied.codes).toEqual(['BAD_USER_INPUT']);
    expect(await counts()).toEqual(before);
  });
});

describe('2025年第3期 through importGazetteIssue and applyGazetteImport', () => {
  let before: Awaited<ReturnType<typeof counts>>;
  it('is read as three NEW documents, one 2025Q1 quarter and no problems, changing nothing', async () => {
    before = await counts();
    const r = await next('ImportGazetteIssue', { text: ISSUE });
    expect(r.errors).toBeUndefined();
    const draft = r.data!.importGazetteIssue;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      issueLabel: '2025年第3期',
      inspectionQuarters: ['2025Q1'],
      problems: [],
    });
    expect(draft.documents).toEqual([
      {
        docNo: '泸市府规〔2025〕1号',
        title: '泸州市人民政府关于印发《泸州市政务新媒体管理办法》的通知',
        category: 'MUNICIPAL_GOVERNMENT',
        signedOn: '2025-03-10',
        effectiveFrom: '2025-04-10',
        expiresOn: '2030-04-09',
        isTrial: false,
        change: 'NEW',
      },
      {
        docNo: '泸市府室发〔2025〕5号',
        title: '泸州市人民政府办公室关于2025年第一季度政府网站和政府系统政务新媒体检查情况的通报',
        category: 'GOVERNMENT_OFFICE',
        signedOn: '2025-03-25',
        effectiveFrom: '2025-03-25',
        expiresOn: null,
        isTrial: false,
        change: 'NEW',
      },
      {
        docNo: '泸市医保规〔2025〕1号',
        title: '泸州市医疗保障局关于调整取卵术等医疗服务项目价格的通知',
        category: 'DEPARTMENT',
        signedOn: '2025-03-20',
        effectiveFrom: '2025-04-01',
        expiresOn: '2030-03-31',
        isTrial: false,
        change: 'NEW',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('shows the rate-table version it would create, with every changed price and the cap', async () => {
    const r = await api.gql(
      `mutation($text: String!) { importGazetteIssue(text: $text) { tables { kind docNo tableKey action effectiveFrom entryCount changes { key field before after } } } }`,
      { text: ISSUE },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const [table] = r.data!.importGazetteIssue.tables;
    expect(table).toMatchObject({
      kind: 'MEDICAL_SERVICE_PRICE',
      docNo: '泸市医保规〔2025〕1号',
      tableKey: 'medical-service-prices',
      action: 'NEW_VERSION',
      effectiveFrom: '2025-04-01',
      entryCount: 85,
    });
    const changes = table.changes as {
      key: string;
      field: string;
      before: string;
      after: string;
    }[];
    expect(
      changes.filter((c) => c.field === 'amount').map((c) => [c.key, c.before, c.after]),
    ).toEqual([
      ['311201069|TERTIARY_A', '1769', '1800'],
      ['311201069|TERTIARY_B', '1621', '1650'],
      ['311201069|SECONDARY_A', '1474', '1500'],
      ['311201069|SECONDARY_B', '1327', '1350'],
      ['311201069|BELOW_SECONDARY_B', '1179', '1200'],
      ['311201077-1|TERTIARY_A', '598', '620'],
    ]);
    // The 三甲 cap lives in the attributes of 311201079 (its 说明 text changes with it).
    expect(changes.filter((c) => c.field === 'attributes').map((c) => c.key)).toContain(
      '311201079|TERTIARY_A',
    );
  });

  it('applies in one transaction', async () => {
    const r = await next('ImportGazetteIssue', { text: ISSUE });
    const applied = await next('ApplyGazetteImport', { id: r.data!.importGazetteIssue.id });
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyGazetteImport.status).toBe('APPLIED');
    expect(await counts()).toEqual({
      policies: before.policies + 3,
      versions: before.versions + 1,
      entries: before.entries + 85,
      rounds: before.rounds + 1,
      issues: before.issues + 1,
      repealed: before.repealed + 1,
    });
    const audit = await api.db.prisma.auditEntry.findFirst({
      where: { action: 'gazetteImport.apply' },
      orderBy: { id: 'desc' },
    });
    expect(audit?.after).toMatchObject({
      issueLabel: '2025年第3期',
      repealed: ['泸市医保规〔2024〕4号'],
      rounds: ['2025Q1'],
    });
  });

  it('keeps the old prices for dates before 2025-04-01 and answers the new ones from then', async () => {
    expect((await price('311201069', 'TERTIARY_A', '2025-03-31'))?.amount).toBe('1769.00');
    expect((await price('311201069', 'TERTIARY_A', '2025-04-01'))?.amount).toBe('1800.00');
    expect((await price('311201077-1', 'TERTIARY_A', '2025-04-01'))?.amount).toBe('620.00');
    expect((await price('311201070', 'SECONDARY_A', '2025-04-01'))?.amount).toBe('2466.00');
    // 泸市医保规〔2024〕4号's trial would have ended 2026-10-31; the new notice runs to 2030-03-31.
    expect((await price('311201069', 'TERTIARY_A', '2026-12-02'))?.amount).toBe('1800.00');
  });

  it('caps 单精子注射 at the new 三甲 total from 2025-04-01 and at the old one before', async () => {
    // 918 + 10 × 40% × 918 = 4590 is over either cap.
    const eggs = [{ code: '311201079', quantity: 11 }];
    const old = await quote('2025-03-31', 'TERTIARY_A', eggs);
    expect(old.errors).toBeUndefined();
    expect(old.data!.medicalServiceQuote).toMatchObject({
      total: '4223.00',
      lines: [{ capApplied: true }],
    });
    const now = await quote('2025-04-01', 'TERTIARY_A', eggs);
    expect(now.data!.medicalServiceQuote).toMatchObject({
      total: '4300.00',
      lines: [{ capApplied: true }],
    });
    const secondary = await quote('2025-04-01', 'SECONDARY_A', eggs);
    expect(secondary.data!.medicalServiceQuote.total).toBe('3519.00');
  });

  it('makes 泸市医保规〔2024〕4号 REPEALED from 2025-04-01, repealed by the new notice', async () => {
    const status = async (asOf: string) =>
      (await next('PolicyText', { docNo: '泸市医保规〔2024〕4号', asOf }, null)).data!.policy;
    expect((await status('2025-03-31')).status).toBe('IN_FORCE');
    const after = await status('2025-04-01');
    expect(after).toMatchObject({
      status: 'REPEALED',
      repealedBy: { docNo: '泸市医保规〔2025〕1号' },
      source: { issueLabel: '2024年第12期', page: 47 },
    });
    const notice = (
      await next('PolicyText', { docNo: '泸市医保规〔2025〕1号', asOf: '2025-04-01' }, null)
    ).data!.policy;
    expect(notice).toMatchObject({
      status: 'IN_FORCE',
      source: { issueLabel: '2025年第3期', page: 10 },
      repealedBy: null,
    });
    const rules = (
      await next('PolicyText', { docNo: '泸市府规〔2025〕1号', asOf: '2025-04-09' }, null)
    ).data!.policy;
    expect(rules.status).toBe('NOT_YET_EFFECTIVE');
    expect(rules.articles.map((a: { number: string }) => a.number)).toEqual([
      '第一条',
      '第二条',
      '第三条',
      '第四条',
      '第五条',
      '第六条',
    ]);
  });

  it('names the first notice and its first day for a date before any price', async () => {
    const before2024 = await quote('2024-10-31', 'TERTIARY_A', [
      { code: '311201069', quantity: 1 },
    ]);
    expect(before2024.codes).toEqual(['RATE_NOT_IN_FORCE']);
    expect(before2024.errors![0]!.message).toContain('泸市医保规〔2024〕4号 自 2024-11-01 起施行');
  });

  it('adds the 2025Q1 summary from the 通报', async () => {
    const r = await contract('ComplianceSummary', { quarter: '2025Q1' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.complianceSummary).toMatchObject({
      quarter: '2025Q1',
      websitesChecked: 45,
      websitesWithIssues: 4,
      websiteIssues: 5,
      websiteIssuesRectified: 4,
      newMediaAccountsChecked: 205,
      newMediaAccountsWithIssues: 3,
      messagesReceived: 5,
      messagesClosed: 5,
    });
    expect(r.data!.complianceSummary.baseDataMissing.map((o: { name: string }) => o.name)).toEqual([
      '泸州市统计局',
      '泸州市文化广电旅游局',
    ]);
    // 2024Q4 is as it was.
    const q4 = await contract('ComplianceSummary', { quarter: '2024Q4' });
    expect(q4.data!.complianceSummary).toMatchObject({
      websitesChecked: 46,
      newMediaAccountsChecked: 208,
    });
  });

  it('finds the bodies criticised in both 2024Q4 and 2025Q1', async () => {
    const r = await api.gql(
      '{ repeatFindings { organization { name } channel subject issue quarters } }',
    );
    expect(r.errors).toBeUndefined();
    const repeats = r.data!.repeatFindings as {
      organization: { name: string };
      subject: string;
      quarters: string[];
    }[];
    const names = repeats.map((f) => f.organization.name);
    expect(names).toEqual(expect.arrayContaining(['泸州市文化广电旅游局', '泸州市农业农村局']));
    for (const f of repeats) expect(f.quarters).toEqual(['2024Q4', '2025Q1']);
  });

  it('pages through the same repeat findings a few at a time, and scopes them to a quarter', async () => {
    const FIELDS = 'organization { name } channel subject issue quarters';
    const all = await api.gql(`{ repeatFindings { ${FIELDS} } }`);
    const whole = all.data!.repeatFindings as unknown[];
    expect(whole.length).toBeGreaterThan(2);
    const paged: unknown[] = [];
    let after: string | null = null;
    for (let hasNext = true; hasNext;) {
      const r: GqlResult = await api.gql(
        `query($after: String) { repeatFindingRuns(first: 2, after: $after) { edges { node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      const page = r.data!.repeatFindingRuns as {
        edges: { node: unknown }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      paged.push(...page.edges.map((e) => e.node));
      ({ hasNextPage: hasNext, endCursor: after } = page.pageInfo);
    }
    const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(sorted(paged)).toEqual(sorted(whole));
    const q1 = await api.gql(`{ repeatFindings(quarter: "2025q1") { ${FIELDS} } }`);
    expect(q1.data!.repeatFindings).toEqual(whole);
    const q3 = await api.gql(`{ repeatFindings(quarter: "2024Q3") { ${FIELDS} } }`);
    expect(q3.data!.repeatFindings).toEqual([]);
  });

  it('reads the same issue again as UNCHANGED, and applying it changes nothing', async () => {
    const now = await counts();
    const r = await next('ImportGazetteIssue', { text: ISSUE });
    expect(
      new Set(r.data!.importGazetteIssue.documents.map((d: { change: string }) => d.change)),
    ).toEqual(new Set(['UNCHANGED']));
    expect(
      (await next('ApplyGazetteImport', { id: r.data!.importGazetteIssue.id })).data!
        .applyGazetteImport.status,
    ).toBe('APPLIED');
    expect(await counts()).toEqual(now);
  });

  it('shows a CHANGED document with its differences before apply', async () => {
    const changed = ISSUE.replace(
      '**第六条** 本办法自2025年4月10日起施行',
      '**第六条** 本办法自2025年4月15日起施行',
    );
    expect(changed).not.toBe(ISSUE);
    const r = await api.gql(
      `mutation($text: String!) { importGazetteIssue(text: $text) { documents { docNo change fields { field before after } textDiff { op text } } } }`,
      { text: changed },
      { token: admin },
    );
    const doc = r.data!.importGazetteIssue.documents.find(
      (d: { docNo: string }) => d.docNo === '泸市府规〔2025〕1号',
    );
    expect(doc.change).toBe('CHANGED');
    expect(doc.fields).toEqual(
      expect.arrayContaining([
        { field: 'effectiveFrom', before: '2025-04-10', after: '2025-04-15' },
      ]),
    );
    expect(
      doc.textDiff
        .filter((l: { op: string }) => l.op !== ' ')
        .map((l: { op: string; text: string }) => l.op),
    ).toEqual(['-', '+']);
  });
});
