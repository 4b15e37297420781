// Administrators' writes to policies, organisations, aliases and inspection records: versions,
// conflicts that change nothing, audit entries, and who may do what.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;
const raw = (id: string) => decodeGlobalID(id).id;

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
});
afterAll(async () => {
  await api?.close();
});

describe('policies', () => {
  it('creates a policy from any printed number, dates from its validity clause, issuers by alias', async () => {
    const r = await api.gql(
      `mutation($input: PolicyInput!) { createPolicy(input: $input) { id docNo effectiveFrom expiresOn isTrial version issuers { name } } }`,
      {
        input: {
          docNo: '泸市府规[2025]1号',
          title: '测试通知',
          category: 'MUNICIPAL_GOVERNMENT',
          signedOn: '2025-02-01',
          validityClause: '本通知自2025年3月1日起施行,有效期五年。',
          issuers: ['市政府'],
        },
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.createPolicy).toMatchObject({
      docNo: '泸市府规〔2025〕1号',
      effectiveFrom: '2025-03-01',
      expiresOn: '2030-02-28',
      isTrial: false,
      version: 1,
      issuers: [{ name: '泸州市人民政府' }],
    });
    const audit = await api.db.prisma.auditEntry.findFirst({
      where: { action: 'policy.create', entityId: raw(r.data!.createPolicy.id) },
    });
    expect(audit?.actorLabel).toContain('admin');
  });

  it('refuses a 文号 already registered (any printed form) naming input.docNo, creating nothing', async () => {
    const before = await api.db.prisma.policy.count();
    const r = await api.gql(
      `mutation($input: PolicyInput!) { createPolicy(input: $input) { id } }`,
      {
        input: {
          docNo: '泸市府发[2024]12号',
          title: '重复',
          category: 'MUNICIPAL_GOVERNMENT',
          signedOn: '2025-02-01',
        },
      },
      { token: admin },
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions?.field).toBe('input.docNo');
    expect(r.errors![0]!.message).toContain('泸市府发〔2024〕12号');
    expect(await api.db.prisma.policy.count()).toBe(before);
  });

  it('updates with the current version and refuses a stale one with CONFLICT, changing nothing', async () => {
    const p = (await api.gql(`{ policy(docNo: "泸市府发〔2024〕12号") { id version title } }`))
      .data!.policy;
    const UPDATE = `mutation($id: ID!, $v: Int!, $title: String) { updatePolicy(id: $id, version: $v, input: { title: $title }) { title version } }`;
    const ok = await api.gql(UPDATE, { id: p.id, v: p.version, title: '新标题' }, { token: admin });
    expect(ok.data?.updatePolicy).toEqual({ title: '新标题', version: p.version + 1 });
    const stale = await api.gql(
      UPDATE,
      { id: p.id, v: p.version, title: '丢失的修改' },
      { token: admin },
    );
    expect(stale.codes).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.changedBy).toContain('admin');
    expect(stale.errors?.[0]?.extensions?.changedAt).toMatch(/^\d{4}-/);
    const now = (await api.gql(`{ policy(docNo: "泸市府发〔2024〕12号") { title version } }`)).data!
      .policy;
    expect(now).toEqual({ title: '新标题', version: p.version + 1 });
  });

  it('refuses deleting a policy that rate tables stem from with CONFLICT', async () => {
    const p = (await api.gql(`{ policy(docNo: "泸市医保规〔2024〕4号") { id version } }`)).data!
      .policy;
    const r = await api.gql(
      `mutation($id: ID!, $v: Int!) { deletePolicy(id: $id, version: $v) { id } }`,
      { id: p.id, v: p.version },
      { token: admin },
    );
    expect(r.codes).toEqual(['CONFLICT']);
    expect(
      (await api.gql(`{ policy(docNo: "泸市医保规〔2024〕4号") { id } }`)).data?.policy,
    ).not.toBeNull();
  });

  it.each([
    [null, 'UNAUTHENTICATED'],
    ['VIEWER', 'FORBIDDEN'],
    ['SUPERVISOR', 'FORBIDDEN'],
  ] as const)('refuses %s with %s', async (role, code) => {
    const token = role ? await api.tokenFor(role) : null;
    const p = (await api.gql(`{ policy(docNo: "泸市府函〔2024〕270号") { id version title } }`))
      .data!.policy;
    const r = await api.gql(
      `mutation($id: ID!, $v: Int!) { updatePolicy(id: $id, version: $v, input: { title: "x" }) { id } }`,
      { id: p.id, v: p.version },
      { token },
    );
    expect(r.codes).toEqual([code]);
    expect(
      (await api.gql(`{ policy(docNo: "泸市府函〔2024〕270号") { title } }`)).data?.policy.title,
    ).toBe(p.title);
  });
});

describe('organisations and aliases', () => {
  it('adds an alias that then resolves to the body', async () => {
    const org = (await api.gql(`{ organization(name: "泸州市审计局") { id } }`)).data!.organization;
    const r = await api.gql(
      `mutation($input: OrganizationAliasInput!) { createOrganizationAlias(input: $input) { alias version organization { name } } }`,
      { input: { organizationId: org.id, alias: '泸州 审计' } },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.createOrganizationAlias).toMatchObject({ alias: '泸州审计', version: 1 });
    expect(
      (await api.gql(`{ organization(name: "泸州审计") { name } }`)).data?.organization.name,
    ).toBe('泸州市审计局');
  });

  it('refuses a duplicate alias with BAD_USER_INPUT', async () => {
    const org = (await api.gql(`{ organization(name: "泸州市统计局") { id } }`)).data!.organization;
    const r = await api.gql(
      `mutation($input: OrganizationAliasInput!) { createOrganizationAlias(input: $input) { id } }`,
      { input: { organizationId: org.id, alias: '市住房城乡建设局' } },
      { token: admin },
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('updates an organisation with its version; a stale one is a CONFLICT', async () => {
    const org = (await api.gql(`{ organization(name: "泸州市统计局") { id version shortName } }`))
      .data!.organization;
    const UPDATE = `mutation($id: ID!, $v: Int!, $s: String) { updateOrganization(id: $id, version: $v, input: { shortName: $s }) { shortName version } }`;
    expect(
      (await api.gql(UPDATE, { id: org.id, v: org.version, s: '市统计局' }, { token: admin })).data
        ?.updateOrganization.version,
    ).toBe(org.version + 1);
    expect(
      (await api.gql(UPDATE, { id: org.id, v: org.version, s: '错' }, { token: admin })).codes,
    ).toEqual(['CONFLICT']);
  });
});

describe('inspection rounds', () => {
  it('creates a quarter with its figures and refuses closed > received naming the field', async () => {
    const CREATE = `mutation($input: InspectionRoundInput!) { createInspectionRound(input: $input) { quarter windowStart windowEnd messagesClosed version } }`;
    const input = {
      quarter: '2025q1',
      windowStart: '2025-01-01',
      windowEnd: '2025-03-01',
      cityPortalsChecked: 1,
      districtPortalsChecked: 7,
      departmentSitesChecked: 38,
      newMediaAccountsChecked: 200,
      messagesReceived: 5,
      messagesClosed: 5,
    };
    const ok = await api.gql(CREATE, { input }, { token: admin });
    expect(ok.errors?.map((e) => e.message)).toBeUndefined();
    expect(ok.data?.createInspectionRound).toEqual({
      quarter: '2025Q1',
      windowStart: '2025-01-01',
      windowEnd: '2025-03-01',
      messagesClosed: 5,
      version: 1,
    });
    const bad = await api.gql(
      CREATE,
      { input: { ...input, quarter: '2025Q2', messagesClosed: 6 } },
      { token: admin },
    );
    expect(bad.codes).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.extensions?.field).toContain('messagesClosed');
    expect(await api.db.prisma.inspectionRound.count({ where: { quarter: '2025Q2' } })).toBe(0);
  });
});

describe('inspection records', () => {
  async function housingFinding() {
    const r = await api.gql(
      `{ websiteFindingsPage(filter: { quarter: "2024Q4", q: "住房" }) { nodes { id version rectified description } } }`,
    );
    return r.data!.websiteFindingsPage.nodes[0];
  }
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: FindingPatch!) { updateWebsiteFinding(id: $id, version: $v, input: $input) { rectified rectifiedOn version description } }`;

  it('lets a supervisor change the rectification status', async () => {
    const sup = await api.tokenFor('SUPERVISOR');
    const f = await housingFinding();
    const r = await api.gql(
      UPDATE,
      { id: f.id, v: f.version, input: { rectified: false } },
      { token: sup },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateWebsiteFinding).toMatchObject({
      rectified: false,
      rectifiedOn: null,
      version: f.version + 1,
    });
    const summary = await api.gql(
      `{ complianceSummary(quarter: "2024Q4") { websiteIssuesRectified } }`,
    );
    expect(summary.data?.complianceSummary.websiteIssuesRectified).toBe(14);
  });

  it('refuses a supervisor changing anything else, and a viewer changing anything', async () => {
    const f = await housingFinding();
    const sup = await api.tokenFor('SUPERVISOR');
    expect(
      (
        await api.gql(
          UPDATE,
          { id: f.id, v: f.version, input: { description: '改写' } },
          { token: sup },
        )
      ).codes,
    ).toEqual(['FORBIDDEN']);
    const viewer = await api.tokenFor('VIEWER');
    expect(
      (
        await api.gql(
          UPDATE,
          { id: f.id, v: f.version, input: { rectified: true } },
          { token: viewer },
        )
      ).codes,
    ).toEqual(['FORBIDDEN']);
    expect(
      (await api.gql(UPDATE, { id: f.id, v: f.version, input: { rectified: true } })).codes,
    ).toEqual(['UNAUTHENTICATED']);
    expect(await housingFinding()).toEqual(f);
  });

  it('exports a quarter annex as CSV and re-imports it', async () => {
    const csv = (await api.gql(`{ inspectionAnnexCsv(quarter: "2024Q4", annex: WEBSITE) }`)).data
      ?.inspectionAnnexCsv as string;
    expect(csv.trim().split('\n')).toHaveLength(16);
    expect(csv).toContain('泸州市住房和城乡建设局网站');
    const round = (await api.gql(`{ inspectionRound(quarter: "2024Q4") { version } }`)).data!
      .inspectionRound;
    const r = await api.gql(
      `mutation($csv: String!, $v: Int!) { importInspectionAnnexesCsv(quarter: "2024Q4", version: $v, websiteCsv: $csv) { websiteFindings(first: 100) { totalCount } } }`,
      { csv, v: round.version },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.importInspectionAnnexesCsv.websiteFindings.totalCount).toBe(15);
  });

  it('reports every bad row of an annex file and writes nothing', async () => {
    const before = await api.db.prisma.newMediaFinding.findMany({ orderBy: { seq: 'asc' } });
    const round = (await api.gql(`{ inspectionRound(quarter: "2024Q4") { version } }`)).data!
      .inspectionRound;
    const csv = [
      'seq,account,owner,platform,description,rectified',
      '1,泸州发布,泸州市人民政府,微信,更新不及时,否',
      'x,某号,泸州市审计局,微博,问题,否',
      '3,某号,不存在的局,微博,,否',
    ].join('\n');
    const r = await api.gql(
      `mutation($csv: String!, $v: Int!) { importInspectionAnnexesCsv(quarter: "2024Q4", version: $v, newMediaCsv: $csv) { id } }`,
      { csv, v: round.version },
      { token: admin },
    );
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    const rows = r.errors?.[0]?.extensions?.rows as { line: number; column: string }[];
    expect(rows.map((e) => [e.line, e.column])).toEqual(
      expect.arrayContaining([
        [3, 'seq'],
        [4, 'owner'],
        [4, 'description'],
      ]),
    );
    expect(await api.db.prisma.newMediaFinding.findMany({ orderBy: { seq: 'asc' } })).toEqual(
      before,
    );
  });
});
