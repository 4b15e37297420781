// Public reads beyond the contract: rate tables with versions and entries (any version or in force
// on a date), organisations with aliases and documents, duties, inspection rounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
beforeAll(async () => {
  api = await createApi();
});
afterAll(async () => {
  await api?.close();
});

describe('rate tables', () => {
  it('lists the seeded tables with their policy', async () => {
    const r = await api.gql(
      `{ rateTables(first: 10, sort: { field: KEY }) { totalCount edges { node { key kind policy { docNo } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.rateTables.totalCount).toBe(4);
    expect(r.data?.rateTables.edges.map((e: { node: { key: string } }) => e.node.key)).toContain(
      'medical-service-prices',
    );
  });

  it('gives the version in force on a date with its entries, and none before the policy', async () => {
    const q = `query($asOf: Date) { rateTable(key: "land-transfer-fee-standards") { versionInForce(asOf: $asOf) { effectiveFrom status entries(first: 2) { totalCount edges { node { key amount } } } } } }`;
    const r = await api.gql(q, { asOf: '2025-06-01' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.rateTable.versionInForce).toMatchObject({
      effectiveFrom: '2025-01-08',
      status: 'PUBLISHED',
      entries: { totalCount: 21 },
    });
    expect(r.data?.rateTable.versionInForce.entries.edges[0].node).toEqual({
      key: 'COMMERCIAL|1|STREET_FRONT_GROUND_FLOOR',
      amount: '1425',
    });
    const before = await api.gql(q, { asOf: '2025-01-07' });
    expect(before.data?.rateTable.versionInForce).toBeNull();
  });

  it('lists entries in force on a date by code', async () => {
    const r = await api.gql(
      `{ rateEntries(tableKey: "medical-service-prices", asOf: "2025-01-01", code: "311201079") { totalCount edges { node { key amount attributes } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.rateEntries.totalCount).toBe(5);
    const tertiaryA = r.data?.rateEntries.edges.find(
      (e: { node: { key: string } }) => e.node.key === '311201079|TERTIARY_A',
    ).node;
    expect(tertiaryA.attributes.lineCap).toBe('4223');
  });
});

describe('organisations', () => {
  it('searches by alias and gives aliases and issued documents', async () => {
    const r = await api.gql(
      `{ organizations(filter: { search: "市医保局" }, first: 5) { totalCount edges { node { name aliases { alias } issuedPolicies(first: 5) { edges { node { policy { docNo } } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const node = r.data?.organizations.edges[0].node;
    expect(node.name).toBe('泸州市医疗保障局');
    expect(node.aliases.map((a: { alias: string }) => a.alias)).toContain('市医保局');
    expect(
      node.issuedPolicies.edges.map(
        (e: { node: { policy: { docNo: string } } }) => e.node.policy.docNo,
      ),
    ).toContain('泸市医保规〔2024〕4号');
  });
});

describe('duties and inspections', () => {
  it('gives the noise-law articles a department is responsible for', async () => {
    const all = await api.gql(`{ noiseDuties { seq article } }`);
    expect(all.data?.noiseDuties).toHaveLength(13);
    const police = await api.gql(
      `{ noiseDuties(department: "市公安局") { seq assignments { role organization { name } } } }`,
    );
    expect(police.errors).toBeUndefined();
    expect(police.data?.noiseDuties.length).toBeGreaterThan(0);
    expect(police.data?.noiseDuties.length).toBeLessThan(13);
  });

  it('gives a round with its findings, data gaps and rectification progress', async () => {
    const r = await api.gql(
      `{ inspectionRound(quarter: "2024Q4") { windowStart windowEnd websiteFindings(first: 100) { totalCount } newMediaFindings(first: 100) { totalCount } dataGaps { kind } adoptions { rating } rectificationProgress { websiteTotal websiteRectified } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.inspectionRound).toMatchObject({
      windowStart: '2024-10-01',
      windowEnd: '2024-12-01',
      websiteFindings: { totalCount: 15 },
      newMediaFindings: { totalCount: 8 },
      rectificationProgress: { websiteTotal: 15, websiteRectified: 15 },
    });
    expect(r.data?.inspectionRound.dataGaps).toHaveLength(15);
    expect(
      r.data?.inspectionRound.adoptions.filter((a: { rating: string }) => a.rating === 'ZERO'),
    ).toHaveLength(4);
  });

  it('gives the compliance table of a quarter and the trend across quarters', async () => {
    const r = await api.gql(
      `{ organizationsCompliance(quarter: "2024Q4") { organization { name } websiteIssues websiteIssuesRectified processDataMissing adoption } complianceSummaries { quarter websiteIssues } }`,
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data?.organizationsCompliance as {
      organization: { name: string };
      websiteIssues: number;
    }[];
    expect(rows.reduce((n, row) => n + row.websiteIssues, 0)).toBe(15);
    expect(rows.find((row) => row.organization.name === '泸州市民政局')).toMatchObject({
      websiteIssues: 2,
      websiteIssuesRectified: 2,
    });
    expect(r.data?.complianceSummaries).toEqual([{ quarter: '2024Q4', websiteIssues: 15 }]);
  });

  it('finds no repeat findings with a single quarter', async () => {
    const r = await api.gql(`{ repeatFindings { subject quarters } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.repeatFindings).toEqual([]);
  });
});

describe('search filters', () => {
  it('match % and _ as themselves, not as wildcards', async () => {
    for (const q of ['%', '_', '泸市%']) {
      const r = await api.gql(
        `query($q: String) { policies(filter: { search: $q }, first: 20) { edges { node { docNo } } } }`,
        { q },
      );
      expect(r.errors, q).toBeUndefined();
      expect(r.data!.policies.edges, q).toEqual([]);
    }
    const real = await api.gql(
      `query($q: String) { policies(filter: { search: $q }, first: 20) { edges { node { docNo } } } }`,
      { q: '泸市' },
    );
    expect(real.data!.policies.edges.length).toBe(9);
  });
});
