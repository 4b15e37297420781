// The lists of policies, organisations, aliases, cases, users, tokens and the audit log cost the
// same statements for a page of 1 and of 100, and a connection's totalCount never scans a large
// table without a filter (issue 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXACT_COUNT_LIMIT, MAX_PAGE_SIZE } from '../src/services/paging.ts';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  // A few cases and tokens so that every list has more than one row.
  for (let i = 0; i < 3; i++) {
    const r = await api.gql(
      `mutation($n: String!) { openDiscretionReview(input: { caseName: $n, subjectName: "某公司", trigger: SUBJECT_APPLICATION, filedOn: "2025-02-01" }) { case { id } } }`,
      { n: `分页案件${i}` },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    await api.gql(
      `mutation($n: String!) { createApiToken(input: { name: $n, scopes: [READ_PUBLISHED] }) { secret } }`,
      { n: `令牌${i}` },
      { token: admin },
    );
  }
  await api.tokenFor('VIEWER');
  await api.tokenFor('SUPERVISOR');
});
afterAll(async () => {
  await api?.close();
});

const LISTS: [string, string][] = [
  ['policiesPage', 'total nodes { id docNo issuers { name } }'],
  ['organizationsPage', 'total nodes { id name aliases { alias } }'],
  ['organizationAliasesPage', 'total nodes { id alias organization { name } }'],
  ['casesPage', 'total nodes { id caseName events { seq } notices { number } }'],
  ['usersPage', 'total nodes { id email }'],
  ['apiTokensPage', 'total nodes { id name createdBy { email } }'],
  ['auditEntriesPage', 'total nodes { id action }'],
];

describe('page lists', () => {
  it.each(LISTS)('%s runs the same statements for perPage 1 and 100', async (field, selection) => {
    const one = await api.gql(`{ ${field}(perPage: 1) { ${selection} } }`, {}, { token: admin });
    const hundred = await api.gql(
      `{ ${field}(perPage: 100) { ${selection} } }`,
      {},
      { token: admin },
    );
    expect(one.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    const page = (r: typeof one) => r.data![field] as { total: number; nodes: unknown[] };
    expect(page(one).nodes).toHaveLength(1);
    expect(page(hundred).nodes.length).toBeGreaterThan(1);
    expect(page(hundred).total).toBe(page(one).total);
    expect(hundred.statements.length).toBe(one.statements.length);
  });

  it('counts only when total is selected', async () => {
    const withTotal = await api.gql(
      `{ policiesPage(perPage: 5) { total nodes { id } } }`,
      {},
      { token: admin },
    );
    const without = await api.gql(
      `{ policiesPage(perPage: 5) { nodes { id } } }`,
      {},
      { token: admin },
    );
    expect(withTotal.statements.filter((s) => /count\(/i.test(s))).toHaveLength(1);
    expect(without.statements.filter((s) => /count\(/i.test(s))).toHaveLength(0);
  });
});

describe('connections', () => {
  const CONNECTIONS: [string, string][] = [
    ['policies', 'id docNo'],
    ['organizations', 'id name'],
    ['cases', 'id caseName'],
    ['auditEntries', 'id action'],
  ];

  it.each(CONNECTIONS)(
    '%s runs the same statements for first 1 and 100, and counts only when asked',
    async (field, selection) => {
      const q = (first: number, total: boolean) =>
        api.gql(
          `{ ${field}(first: ${first}) { ${total ? 'totalCount' : ''} edges { node { ${selection} } } } }`,
          {},
          { token: admin },
        );
      const one = await q(1, true);
      const hundred = await q(100, true);
      const bare = await q(100, false);
      expect(one.errors).toBeUndefined();
      expect(hundred.statements.length).toBe(one.statements.length);
      // Counted only when asked (cases' unfiltered first page counts in its page's statement).
      const counts = (r: typeof one) => r.statements.filter((s) => /count\(/i.test(s)).length;
      expect(counts(hundred)).toBe(1);
      expect(counts(bare)).toBe(0);
      expect(bare.statements.length).toBeLessThanOrEqual(hundred.statements.length);
      expect(hundred.data![field].totalCount).toBe(hundred.data![field].edges.length);
    },
  );

  it('gives an exact totalCount with a filter, and past the limit without one reads the estimate instead of counting', async () => {
    const before = await api.gql(`{ auditEntries(first: 1) { totalCount } }`, {}, { token: admin });
    const exact = await api.db.prisma.auditEntry.count();
    expect(before.data!.auditEntries.totalCount).toBe(exact);

    await api.db.prisma.$executeRawUnsafe(
      `INSERT INTO "AuditEntry" ("actorLabel", action, entity, "entityId")
       SELECT 'bulk', 'bulk.write', 'Bulk', g::text FROM generate_series(1, ${EXACT_COUNT_LIMIT + 500}) g`,
    );
    await api.db.prisma.$executeRawUnsafe('ANALYZE "AuditEntry"');
    const after = await api.gql(`{ auditEntries(first: 1) { totalCount } }`, {}, { token: admin });
    const total = after.data!.auditEntries.totalCount as number;
    const actual = await api.db.prisma.auditEntry.count();
    // ANALYZE samples: the estimate is close to, not necessarily equal to, the real count.
    expect(total).toBeGreaterThan(EXACT_COUNT_LIMIT);
    expect(Math.abs(total - actual)).toBeLessThan(actual * 0.1);
    expect(after.statements.some((s) => /reltuples/.test(s))).toBe(true);

    const filtered = await api.gql(
      `{ auditEntries(first: 1, filter: { action: "bulk.write" }) { totalCount } }`,
      {},
      { token: admin },
    );
    expect(filtered.data!.auditEntries.totalCount).toBe(EXACT_COUNT_LIMIT + 500);

    // The audit log's page-shaped list too: its `total` reads the estimate, the page stays exact.
    const page = await api.gql(
      `{ auditEntriesPage(perPage: 25) { total nodes { id } } }`,
      {},
      { token: admin },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.auditEntriesPage.total).toBe(total);
    expect(page.data!.auditEntriesPage.nodes).toHaveLength(25);
    expect(page.statements.some((s) => /reltuples/.test(s))).toBe(true);
    expect(page.statements.some((s) => /count\(\*\)/i.test(s) && !/reltuples/.test(s))).toBe(false);
    const filteredPage = await api.gql(
      `{ auditEntriesPage(perPage: 1, filter: { action: "bulk.write" }) { total } }`,
      {},
      { token: admin },
    );
    expect(filteredPage.data!.auditEntriesPage.total).toBe(EXACT_COUNT_LIMIT + 500);
  });
});

// Both paging styles of a list are views of one implementation: one size limit and check, one
// filter service (docs/architecture.md, "Two paging styles, one implementation").
describe('a Relay connection and its offset page', () => {
  it('refuse a size past the one limit alike, naming the argument', async () => {
    const over = MAX_PAGE_SIZE + 1;
    const refusal = async (query: string) =>
      ((await api.gql(query)).errors ?? []).map((e) => [e.extensions?.code, e.message]);
    expect(await refusal(`{ rateTables(first: ${over}) { totalCount } }`)).toEqual([
      ['BAD_USER_INPUT', `first 必须在 0 到 ${MAX_PAGE_SIZE} 之间`],
    ]);
    expect(await refusal(`{ rateTablesPage(perPage: ${over}) { total } }`)).toEqual([
      ['BAD_USER_INPUT', `perPage 必须在 1 到 ${MAX_PAGE_SIZE} 之间`],
    ]);
  });

  it('list the same rate tables and entries for the same filter', async () => {
    const tables = await api.gql(
      `{ rateTables(first: 100, filter: { search: "medical" }) { totalCount edges { node { id } } }
         rateTablesPage(filter: { q: "medical" }, perPage: 100) { total nodes { id } } }`,
    );
    expect(tables.errors).toBeUndefined();
    const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();
    const connectionTables = tables.data!.rateTables.edges.map(
      (e: { node: { id: string } }) => e.node,
    );
    expect(connectionTables.length).toBeGreaterThan(0);
    expect(ids(tables.data!.rateTablesPage.nodes)).toEqual(ids(connectionTables));
    expect(tables.data!.rateTablesPage.total).toBe(tables.data!.rateTables.totalCount);

    const version = await api.db.prisma.rateTableVersion.findFirstOrThrow({
      where: { status: 'PUBLISHED', table: { key: 'medical-service-prices' } },
      select: { id: true },
    });
    const entry = await api.db.prisma.rateEntry.findFirstOrThrow({
      where: { versionId: version.id, code: { not: null } },
      select: { code: true },
    });
    const entries = await api.gql(
      `query($v: ID, $c: String) {
         rateEntries(tableKey: "medical-service-prices", versionId: $v, code: $c, first: 100) { totalCount edges { node { id } } }
         rateEntriesPage(filter: { versionId: $v, code: $c }, perPage: 100) { total nodes { id } } }`,
      { v: version.id, c: entry.code },
    );
    expect(entries.errors).toBeUndefined();
    const connectionEntries = entries.data!.rateEntries.edges.map(
      (e: { node: { id: string } }) => e.node,
    );
    expect(connectionEntries.length).toBeGreaterThan(0);
    expect(ids(entries.data!.rateEntriesPage.nodes)).toEqual(ids(connectionEntries));
    expect(entries.data!.rateEntriesPage.total).toBe(entries.data!.rateEntries.totalCount);
  });
});
