// 导入公报 through the API (contract next.graphql: ImportGazetteIssue, ApplyGazetteImport,
// PolicyText), on a database seeded from 2024年第12期 through the same path.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';
import { nextOperation } from './next-operations.ts';

const SEED = readFileSync(new URL('../../../prisma/issues/2024-12.md', import.meta.url), 'utf8');

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

/** Row counts of everything an apply may write. */
async function counts() {
  const p = api.db.prisma;
  return {
    policies: await p.policy.count(),
    articles: await p.policyArticle.count(),
    versions: await p.rateTableVersion.count(),
    entries: await p.rateEntry.count(),
    rounds: await p.inspectionRound.count(),
    findings: (await p.websiteFinding.count()) + (await p.newMediaFinding.count()),
    duties: await p.dutyAllocation.count(),
    issues: await p.gazetteIssue.count(),
  };
}

function edit(
  text: string,
  find: string,
  replace: (line: string) => string,
): { text: string; line: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(find));
  if (i < 0) throw new Error(`not found: ${find}`);
  lines[i] = replace(lines[i]!);
  return { text: lines.join('\n'), line: i + 1 };
}

describe('importGazetteIssue', () => {
  it('is for administrators only', async () => {
    const anonymous = await next('ImportGazetteIssue', { text: SEED }, null);
    expect(anonymous.codes).toEqual(['UNAUTHENTICATED']);
    const viewer = await next('ImportGazetteIssue', { text: SEED }, await api.tokenFor('VIEWER'));
    expect(viewer.codes).toEqual(['FORBIDDEN']);
  });

  it('reads the applied seed issue again as UNCHANGED, and applying it changes nothing', async () => {
    const before = await counts();
    const r = await next('ImportGazetteIssue', { text: SEED });
    expect(r.errors).toBeUndefined();
    const draft = r.data!.importGazetteIssue;
    expect(draft).toMatchObject({
      status: 'DRAFT',
      issueLabel: '2024年第12期',
      inspectionQuarters: ['2024Q4'],
      problems: [],
    });
    expect(draft.documents).toHaveLength(9);
    expect(new Set(draft.documents.map((d: { change: string }) => d.change))).toEqual(
      new Set(['UNCHANGED']),
    );
    expect(
      draft.documents.find((d: { docNo: string }) => d.docNo === '泸市医保规〔2024〕4号'),
    ).toMatchObject({
      title: '泸州市医疗保障局关于公布取卵术等医疗服务项目价格的通知',
      category: 'DEPARTMENT',
      signedOn: '2024-10-29',
      effectiveFrom: '2024-11-01',
      expiresOn: '2026-10-31',
      isTrial: true,
    });
    expect(await counts()).toEqual(before);

    const applied = await next('ApplyGazetteImport', { id: draft.id });
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyGazetteImport).toEqual({ id: draft.id, status: 'APPLIED' });
    expect(await counts()).toEqual(before);
  });

  it('names an unknown body with its line, stores the draft, and refuses to apply it', async () => {
    const { text, line } = edit(SEED, '泸州市审计局网站', (l) =>
      l.replace('泸州市审计局网站', '泸州市不存在局网站'),
    );
    const before = await counts();
    const r = await next('ImportGazetteIssue', { text });
    const draft = r.data!.importGazetteIssue;
    expect(draft.status).toBe('DRAFT');
    expect(draft.problems).toEqual([
      { line, message: expect.stringContaining('泸州市不存在局网站') },
    ]);
    const applied = await next('ApplyGazetteImport', { id: draft.id });
    expect(applied.codes).toEqual(['BAD_USER_INPUT']);
    expect(applied.errors![0]!.message).toContain(`第${line}行`);
    expect(await counts()).toEqual(before);
  });

  it('accepts a body name once an administrator registers it as an alias', async () => {
    const { text } = edit(SEED, '泸州市林业和竹业局网站', (l) =>
      l.replace('泸州市林业和竹业局网站', '市林业竹业局网站'),
    );
    const first = await next('ImportGazetteIssue', { text });
    expect(first.data!.importGazetteIssue.problems).toHaveLength(1);
    const org = await api.db.prisma.organization.findFirstOrThrow({
      where: { name: '泸州市林业和竹业局' },
    });
    const alias = await api.gql(
      'mutation($input: OrganizationAliasInput!) { createOrganizationAlias(input: $input) { alias } }',
      { input: { organizationId: org.id, alias: '市林业竹业局' } },
      { token: admin },
    );
    expect(alias.errors).toBeUndefined();
    const second = await next('ImportGazetteIssue', { text });
    expect(second.data!.importGazetteIssue.problems).toEqual([]);
  });

  it('refuses an empty text naming the field', async () => {
    const r = await next('ImportGazetteIssue', { text: '   ' });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions?.field).toBe('text');
  });
});

describe('RATE_NOT_IN_FORCE', () => {
  it('names the document and the day its trial ended (泸市医保规〔2024〕4号, 2026-10-31)', async () => {
    const r = await api.gql(
      'query($input: MedicalServiceQuoteInput!) { medicalServiceQuote(input: $input) { total } }',
      {
        input: {
          grade: 'TERTIARY_A',
          asOf: '2026-12-02',
          items: [{ code: '311201069', quantity: 1 }],
        },
      },
    );
    expect(r.codes).toEqual(['RATE_NOT_IN_FORCE']);
    expect(r.errors![0]!.message).toContain('泸市医保规〔2024〕4号 试行期已于 2026-10-31 届满');
  });
});

describe('PolicyText', () => {
  it('gives the source page and the articles as printed', async () => {
    const r = await next(
      'PolicyText',
      { docNo: '泸市自然资规函[2024]425号', asOf: '2025-06-01' },
      null,
    );
    expect(r.errors).toBeUndefined();
    const policy = r.data!.policy;
    expect(policy).toMatchObject({
      docNo: '泸市自然资规函〔2024〕425号',
      status: 'IN_FORCE',
      source: { issueLabel: '2024年第12期', page: 35 },
      repealedBy: null,
    });
    const eight = policy.articles.find((a: { number: string }) => a.number === '(八)');
    expect(eight.text).toContain('临街且平街一层');
    expect(policy.articles.map((a: { number: string }) => a.number).slice(0, 2)).toEqual([
      '一、',
      '二、',
    ]);
  });

  it('lists 第一条 through 第二十二条 of the market-supervision guidance', async () => {
    const r = await next('PolicyText', { docNo: '泸市监规发〔2024〕2号' }, null);
    const numbers = r.data!.policy.articles.map((a: { number: string }) => a.number);
    expect(numbers[0]).toBe('第一条');
    expect(numbers.at(-1)).toBe('第二十二条');
    expect(numbers).toHaveLength(22);
  });
});

describe('calculators cite articles that exist as stored text', () => {
  /** "泸市自然资规函〔2024〕425号 二(一)" → the document's article whose path the citation starts with. */
  async function citedArticle(citation: string) {
    const [docNo, path] = citation.split(' ');
    const articles = await api.db.prisma.policyArticle.findMany({
      where: { policy: { docNo } },
      select: { path: true, text: true },
    });
    // A numbered item inside a section (二(二)3) lives in its section's text (二(二)).
    return (
      articles
        .filter((a) => path!.startsWith(a.path))
        .sort((a, b) => b.path.length - a.path.length)[0] ?? null
    );
  }

  it('land transfer fee: 二(一), 二(三) and 二(八) of 泸市自然资规函〔2024〕425号', async () => {
    const r = await api.gql(
      `query($input: LandTransferFeeInput!) { landTransferFeeQuote(input: $input) { steps { article } } }`,
      {
        input: {
          landUse: 'COMMERCIAL',
          grade: 1,
          streetFrontGroundFloor: true,
          floorArea: '10',
          termCoefficient: '1',
          housingReform: true,
          appraisedAmount: '5000',
          asOf: '2025-06-01',
        },
      },
    );
    expect(r.errors).toBeUndefined();
    const citations = (r.data!.landTransferFeeQuote.steps as { article: string }[]).map(
      (s) => s.article,
    );
    expect(citations.length).toBeGreaterThan(1);
    for (const c of citations) expect(await citedArticle(c), c).not.toBeNull();
    expect((await citedArticle('泸市自然资规函〔2024〕425号 二(三)'))?.text).toContain('房改房');
  });

  it('rehabilitation assistance: the cap article of 泸市府规〔2024〕4号', async () => {
    const r = await api.gql(
      `query($input: RehabAssistanceInput!) { rehabAssistanceCheck(input: $input) { article } }`,
      {
        input: {
          birthDate: '2018-05-01',
          applicationDate: '2025-03-01',
          luzhouHukou: true,
          service: 'COCHLEAR_IMPLANT',
          requestedAmount: '70000',
        },
      },
    );
    expect(r.errors).toBeUndefined();
    const article = await citedArticle(r.data!.rehabAssistanceCheck.article);
    expect(article?.text).toContain('人工耳蜗');
  });
});
