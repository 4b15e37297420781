// Reads that touch only their answer (performance issue): a price, a quote, a table's entries and
// its version in force run the same statements with 1 published version as with 51, read only
// the chosen version's entries, and pick the right version among many.
import { addDays } from '@gazette/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
const KEY = 'medical-service-prices';
let seedAsOf: string;
/** Start of each added version: 50 consecutive 30-day versions before the seeded one. */
const starts: string[] = [];

const QUERIES = {
  price: `query($asOf: Date!) { medicalServicePrice(code: "311201069", grade: TERTIARY_A, asOf: $asOf) { amount } }`,
  quote: `query($asOf: Date) { medicalServiceQuote(input: { grade: TERTIARY_A, asOf: $asOf, items: [{ code: "311201069", quantity: 2 }] }) { total } }`,
  entries: `query($asOf: Date) { rateEntries(tableKey: "${KEY}", asOf: $asOf, first: 3) { totalCount edges { node { key amount } } } }`,
  inForce: `query($asOf: Date) { rateTable(key: "${KEY}") { versionInForce(asOf: $asOf) { effectiveFrom label } } }`,
} as const;

/** Statements of a cold request: the choice (one), the chosen entries, and the field's own reads. */
const MOST = { price: 2, quote: 2, entries: 3, inForce: 3 } as const;

beforeAll(async () => {
  api = await createApi();
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: KEY },
    include: { versions: { where: { status: 'PUBLISHED' } } },
  });
  expect(table.versions).toHaveLength(1);
  const seeded = table.versions[0]!;
  seedAsOf = addDays(seeded.effectiveFrom.toISOString().slice(0, 10), 20);
  for (let i = 50; i >= 1; i--)
    starts.push(addDays(seeded.effectiveFrom.toISOString().slice(0, 10), -30 * i));
}, 60_000);
afterAll(async () => {
  await api?.close();
});

async function addHistory() {
  const seeded = await api.db.prisma.rateTableVersion.findFirstOrThrow({
    where: { table: { key: KEY }, status: 'PUBLISHED' },
  });
  for (const [i, start] of starts.entries()) {
    const v = await api.db.prisma.rateTableVersion.create({
      data: {
        tableId: seeded.tableId,
        label: `历史${i}`,
        effectiveFrom: new Date(`${start}T00:00:00Z`),
        effectiveTo: new Date(`${addDays(start, 29)}T00:00:00Z`),
        status: 'PUBLISHED',
      },
    });
    // Same items, a different price per version (amount + i), so the answer names its version.
    await api.db.prisma
      .$executeRaw`INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "rate", "baseKey", "attributes", "position", "updatedAt")
      SELECT gen_random_uuid()::text, ${v.id}, "key", "dimensions", "code", "name", "unit", "amount" + ${i + 1}, "rate", "baseKey", "attributes", "position", now()
      FROM "RateEntry" WHERE "versionId" = ${seeded.id}`;
  }
}

async function counts(asOf: string) {
  const out: Record<string, { cold: number; warm: number; data: unknown }> = {};
  for (const [name, q] of Object.entries(QUERIES)) {
    const cold = await api.gql(q, { asOf });
    const warm = await api.gql(q, { asOf });
    expect(cold.errors, name).toBeUndefined();
    expect(warm.data, name).toEqual(cold.data);
    // Entries are only ever read for one version by its id (or the page's own rows by theirs).
    const entryReads = [...cold.statements, ...warm.statements].filter((s) =>
      /FROM ("public"\.)?"RateEntry"/.test(s),
    );
    for (const s of entryReads)
      expect(s, name).toMatch(/"versionId" = \$1|"RateEntry"\."id" IN \(\$1,\$2,\$3\)/);
    out[name] = { cold: cold.statements.length, warm: warm.statements.length, data: cold.data };
  }
  return out;
}

describe('statements per rate read', () => {
  it('do not grow with the number of published versions', async () => {
    const one = await counts(seedAsOf);
    await addHistory();
    const lastAdded = starts[starts.length - 1]!;
    const many = await counts(addDays(lastAdded, 10));
    for (const name of Object.keys(QUERIES)) {
      expect({ name, cold: many[name]!.cold, warm: many[name]!.warm }).toEqual({
        name,
        cold: one[name]!.cold,
        warm: one[name]!.warm,
      });
      expect(one[name]!.cold, name).toBeLessThanOrEqual(MOST[name as keyof typeof QUERIES]);
    }
    // …and they answer from the version in force on that date, not the seeded one.
    expect(many.inForce!.data).toEqual({
      rateTable: { versionInForce: { effectiveFrom: lastAdded, label: '历史49' } },
    });
    const seedPrice = Number((one.price!.data as any).medicalServicePrice.amount);
    expect(Number((many.price!.data as any).medicalServicePrice.amount)).toBe(seedPrice + 50);
    expect(Number((many.quote!.data as any).medicalServiceQuote.total)).toBe((seedPrice + 50) * 2);
    // An old date still finds its own version among the 51.
    const old = await api.gql(QUERIES.price, { asOf: addDays(starts[0]!, 1) });
    expect(Number(old.data?.medicalServicePrice.amount)).toBe(seedPrice + 1);
    // Statements for the history case stay as few as for one version, with every version present.
    expect(
      await api.db.prisma.rateTableVersion.count({
        where: { table: { key: KEY }, status: 'PUBLISHED' },
      }),
    ).toBe(51);
  }, 120_000);
});
