// Pool starvation (hardening issue, item 3): with the medical table holding a 40k-entry draft,
// 100 concurrent stale edits of one entry give exactly one winner and 99 CONFLICTs (never a
// masked "Unexpected error."), and an anonymous price query asked during the storm answers
// within a second. A write reads and locks only the entry and its version's row.
import { addDays, todayInShanghai } from '@gazette/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../helpers.ts';

let api: Api;
let admin: string;
let entryId: string;
const ENTRIES = 40_000;

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: 'medical-service-prices' },
  });
  const draft = await api.db.prisma.rateTableVersion.create({
    data: {
      tableId: table.id,
      effectiveFrom: new Date(`${addDays(todayInShanghai(), 30)}T00:00:00Z`),
      status: 'DRAFT',
      label: '大草稿',
    },
  });
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  try {
    const codes = Array.from({ length: ENTRIES }, (_, i) => `9${String(i).padStart(8, '0')}`);
    await client.query(
      `INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "position", "updatedAt")
       SELECT gen_random_uuid()::text, $1, c || '|TERTIARY_A', jsonb_build_object('code', c, 'grade', 'TERTIARY_A'), c, '测试项目', '次', 10, p, now()
       FROM unnest($2::text[]) WITH ORDINALITY AS u(c, p)`,
      [draft.id, codes],
    );
  } finally {
    await client.end();
  }
  const entry = await api.db.prisma.rateEntry.findFirstOrThrow({
    where: { versionId: draft.id, code: '900000123' },
  });
  entryId = encodeGlobalID('RateEntry', entry.id);
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const UPDATE = `mutation($id: ID!, $amount: Decimal) { updateRateEntry(id: $id, version: 1, input: { amount: $amount }) { amount version } }`;
const PRICE = `query { medicalServicePrice(code: "311201069", grade: TERTIARY_A, asOf: "2025-02-01") { amount } }`;

describe('100 concurrent stale edits of one entry of a 40k-entry draft', () => {
  it('give one winner and 99 CONFLICTs, while an anonymous read answers within a second', async () => {
    expect(
      await api.db.prisma.rateEntry.count({ where: { tableVersion: { label: '大草稿' } } }),
    ).toBe(ENTRIES);
    const edits = Array.from({ length: 100 }, (_, i) =>
      api.gql(UPDATE, { id: entryId, amount: String(100 + i) }, { token: admin }),
    );
    // The read is asked while the edits are queued and running.
    await new Promise((r) => setTimeout(r, 20));
    const started = performance.now();
    const read = await api.gql(PRICE);
    const readMs = performance.now() - started;
    const results = await Promise.all(edits);

    expect(read.errors).toBeUndefined();
    expect(read.data?.medicalServicePrice).not.toBeNull();
    expect(readMs).toBeLessThan(1000);

    const codes = results.map((r) => (r.errors ? r.codes.join(',') : 'OK'));
    const tally = codes.reduce<Record<string, number>>(
      (acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }),
      {},
    );
    expect(tally).toEqual({ OK: 1, CONFLICT: 99 });
    const winner = results.find((r) => !r.errors)!;
    expect(winner.data?.updateRateEntry.version).toBe(2);
    const stored = await api.db.prisma.rateEntry.findFirstOrThrow({ where: { code: '900000123' } });
    expect(stored.version).toBe(2);
    expect(stored.amount?.toString()).toBe(winner.data?.updateRateEntry.amount);
    // Every loser was told the version it lost to.
    for (const r of results.filter((x) => x.errors))
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: 2,
        yourVersion: 1,
      });
  }, 60_000);
});
