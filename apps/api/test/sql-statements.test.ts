// No N+1: listing 10 or 100 policies with their issuers and rate tables runs the same small
// number of SQL statements, and a quote loads each rate table once per request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;

beforeAll(async () => {
  api = await createApi();
  const issuer = await api.db.prisma.organization.findUniqueOrThrow({
    where: { name: '泸州市人民政府' },
  });
  const other = await api.db.prisma.organization.findUniqueOrThrow({
    where: { name: '泸州市医疗保障局' },
  });
  for (let i = 1; i <= 100; i++) {
    await api.db.prisma.policy.create({
      data: {
        docNo: `泸测试〔2030〕${i}号`,
        prefix: '泸测试',
        year: 2030,
        serial: i,
        title: `测试文件${i}`,
        category: 'DEPARTMENT',
        signedOn: new Date(Date.UTC(2030, 0, 1)),
        effectiveFrom: new Date(Date.UTC(2030, 0, 1)),
        issuers: {
          create: [
            { organizationId: issuer.id, position: 0 },
            { organizationId: other.id, position: 1 },
          ],
        },
      },
    });
  }
});
afterAll(async () => {
  await api?.close();
});

const LIST = `query($first: Int!) {
  policies(first: $first) {
    totalCount
    edges { node { docNo issuers { name aliases { alias } } rateTables { key name versions(first: 5) { edges { node { effectiveFrom } } } } } }
  }
}`;

describe('SQL statements per request', () => {
  it('lists 10 and 100 policies with issuers and rate tables in the same small number of statements', async () => {
    const ten = await api.gql(LIST, { first: 10 });
    const hundred = await api.gql(LIST, { first: 100 });
    expect(ten.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(ten.data?.policies.edges).toHaveLength(10);
    expect(hundred.data?.policies.edges).toHaveLength(100);
    expect(hundred.statements.length).toBe(ten.statements.length);
    expect(ten.statements.length).toBeGreaterThan(1);
    expect(hundred.statements.length).toBeLessThanOrEqual(8);
  });

  it('quotes several items from one load of the medical table', async () => {
    const r = await api.gql(
      `query { a: medicalServiceQuote(input: { grade: TERTIARY_A, asOf: "2025-01-01", items: [{ code: "311201069", quantity: 1 }, { code: "311201079", quantity: 11 }] }) { total }
               b: medicalServicePrice(code: "311201070-1", grade: TERTIARY_B, asOf: "2025-01-01") { surchargeRate } }`,
    );
    expect(r.errors).toBeUndefined();
    const tableLoads = r.statements.filter((s) => /FROM ("public"\.)?"RateTable"/.test(s));
    expect(tableLoads).toHaveLength(1);
  });

  it('reads the entries of the version in force only, and not again while it is unchanged', async () => {
    const q = `query { medicalServicePrice(code: "311201069", grade: TERTIARY_A, asOf: "2025-02-01") { amount } }`;
    const first = await api.gql(q);
    expect(first.errors).toBeUndefined();
    const entryReads = (r: { statements: string[] }) =>
      r.statements.filter((s) => /FROM "public"\."RateEntry"/.test(s));
    // One version's entries (by its id), never every version's.
    expect(entryReads(first).every((s) => /"versionId" = \$1/.test(s))).toBe(true);
    // A started published version never changes: its entries are kept in process.
    const again = await api.gql(q);
    expect(again.data).toEqual(first.data);
    expect(entryReads(again)).toHaveLength(0);
  });
});
