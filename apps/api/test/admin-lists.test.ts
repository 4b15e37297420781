// The dashboard's page-shaped lists: page/perPage/sort/filter, totals, limits, and drafts hidden
// from anonymous callers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

describe('policiesPage', () => {
  it('pages and sorts the nine documents', async () => {
    const q = `query($page: Int, $perPage: Int, $sort: SortInput) { policiesPage(page: $page, perPage: $perPage, sort: $sort) { total nodes { id docNo signedOn } } }`;
    const p1 = await api.gql(q, {
      page: 1,
      perPage: 5,
      sort: { field: 'signedOn', order: 'DESC' },
    });
    const p2 = await api.gql(q, {
      page: 2,
      perPage: 5,
      sort: { field: 'signedOn', order: 'DESC' },
    });
    expect(p1.errors).toBeUndefined();
    expect(p1.data?.policiesPage.total).toBe(9);
    expect(p1.data?.policiesPage.nodes).toHaveLength(5);
    expect(p2.data?.policiesPage.nodes).toHaveLength(4);
    const dates = [...p1.data!.policiesPage.nodes, ...p2.data!.policiesPage.nodes].map(
      (n: any) => n.signedOn,
    );
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filters by ids (react-admin getMany) and by search text', async () => {
    const all = await api.gql(`{ policiesPage(perPage: 100) { nodes { id docNo } } }`);
    const [a, b] = all.data!.policiesPage.nodes;
    const r = await api.gql(
      `query($ids: [ID!]) { policiesPage(filter: { ids: $ids }) { total nodes { id } } }`,
      { ids: [a.id, b.id] },
    );
    expect(r.data?.policiesPage.total).toBe(2);
    const s = await api.gql(`{ policiesPage(filter: { q: "噪声" }) { nodes { docNo } } }`);
    expect(s.data?.policiesPage.nodes.map((n: any) => n.docNo)).toEqual(['泸市府办发〔2024〕47号']);
  });

  it('refuses perPage above 100 and an unknown sort field with BAD_USER_INPUT', async () => {
    const big = await api.gql(`{ policiesPage(page: 1, perPage: 101) { total } }`);
    expect(big.codes).toEqual(['BAD_USER_INPUT']);
    const sort = await api.gql(
      `{ policiesPage(sort: { field: "password", order: ASC }) { total } }`,
    );
    expect(sort.codes).toEqual(['BAD_USER_INPUT']);
  });
});

describe('other resources', () => {
  it('lists organisations with aliases, findings of a quarter and rate entries of a version', async () => {
    const orgs = await api.gql(
      `{ organizationsPage(filter: { q: "住房城乡建设" }) { total nodes { name aliases { alias } } } }`,
    );
    expect(orgs.data?.organizationsPage.nodes[0].name).toBe('泸州市住房和城乡建设局');
    const aliases = await api.gql(`{ organizationAliasesPage(perPage: 100) { total } }`);
    expect(aliases.data?.organizationAliasesPage.total).toBeGreaterThan(50);
    const findings = await api.gql(
      `{ websiteFindingsPage(filter: { quarter: "2024Q4" }, perPage: 100) { total } newMediaFindingsPage(filter: { quarter: "2024q4" }) { total } inspectionRoundsPage { total nodes { quarter } } }`,
    );
    expect(findings.data?.websiteFindingsPage.total).toBe(15);
    expect(findings.data?.newMediaFindingsPage.total).toBe(8);
    expect(findings.data?.inspectionRoundsPage.nodes).toEqual([{ quarter: '2024Q4' }]);
    const tables = await api.gql(
      `{ rateTablesPage(filter: { kind: MEDICAL_SERVICE_PRICE }) { nodes { id } } }`,
    );
    const tableId = tables.data?.rateTablesPage.nodes[0].id;
    const versions = await api.gql(
      `query($t: ID) { rateTableVersionsPage(filter: { tableId: $t }) { nodes { id status } } }`,
      { t: tableId },
    );
    const versionId = versions.data?.rateTableVersionsPage.nodes[0].id;
    const entries = await api.gql(
      `query($v: ID) { rateEntriesPage(filter: { versionId: $v }, perPage: 100) { total } }`,
      { v: versionId },
    );
    expect(entries.data?.rateEntriesPage.total).toBe(85);
  });

  it('hides draft rate versions from anonymous callers but shows them to viewers', async () => {
    const table = await api.db.prisma.rateTable.findUniqueOrThrow({
      where: { key: 'medical-service-prices' },
    });
    await api.db.prisma.rateTableVersion.create({
      data: { tableId: table.id, effectiveFrom: new Date(Date.UTC(2030, 0, 1)), status: 'DRAFT' },
    });
    const q = `{ rateTableVersionsPage(filter: { status: DRAFT }) { total } }`;
    expect((await api.gql(q)).data?.rateTableVersionsPage.total).toBe(0);
    const viewer = await api.tokenFor('VIEWER');
    expect((await api.gql(q, {}, { token: viewer })).data?.rateTableVersionsPage.total).toBe(1);
  });
});
