// rateVersionDiff compares two large versions by the entries that may differ (picked in SQL) and
// answers exactly as the domain's diffVersions over both versions whole: an equal decimal written
// differently, attributes in another key order and null vs {} attributes are no change.
import { diffVersions, formatDecimal, rateVersionFromRow } from '@gazette/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers.ts';

let api: Api;
let admin: string;
const ids: string[] = [];
const N = 2000;

beforeAll(async () => {
  api = await createApi();
  admin = await api.tokenFor('ADMIN');
  const table = await api.db.prisma.rateTable.findUniqueOrThrow({
    where: { key: 'medical-service-prices' },
  });
  for (const label of ['甲', '乙']) {
    const v = await api.db.prisma.rateTableVersion.create({
      data: {
        tableId: table.id,
        label,
        effectiveFrom: new Date('2031-01-01T00:00:00Z'),
        status: 'DRAFT',
      },
    });
    ids.push(v.id);
    await api.db.prisma
      .$executeRaw`INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "name", "unit", "amount", "attributes", "position", "updatedAt")
      SELECT gen_random_uuid()::text, ${v.id}, c || '|TERTIARY_A', jsonb_build_object('code', c, 'grade', 'TERTIARY_A'), c, '项目', '次', 1.5, '{"a":1,"b":[1,2]}'::jsonb, p, now()
      FROM (SELECT (700000000 + g)::text AS c, g AS p FROM generate_series(1, ${N}) g) s`;
  }
  const [, b] = ids;
  const key = (i: number) => `${700000000 + i}|TERTIARY_A`;
  const set = (i: number, sql: string) =>
    api.db.prisma.$executeRawUnsafe(
      `UPDATE "RateEntry" SET ${sql} WHERE "versionId" = $1 AND key = $2`,
      b,
      key(i),
    );
  await set(10, 'amount = 1.50'); // same value
  await set(20, 'amount = 2'); // changed
  await set(30, `attributes = '{"b":[1,2],"a":1}'::jsonb`); // same, other order
  await set(40, `attributes = '{"a":2,"b":[1,2]}'::jsonb`); // changed
  await set(50, `name = '新名称', rate = NULL`); // changed name
  await api.db.prisma.$executeRawUnsafe(
    `UPDATE "RateEntry" SET attributes = NULL WHERE "versionId" IN ($1, $2) AND key = $3`,
    ids[0],
    b,
    key(60),
  );
  await api.db.prisma.$executeRawUnsafe(
    `UPDATE "RateEntry" SET attributes = '{}'::jsonb WHERE "versionId" = $1 AND key = $2`,
    ids[0],
    key(70),
  );
  await api.db.prisma.$executeRawUnsafe(
    `UPDATE "RateEntry" SET attributes = NULL WHERE "versionId" = $1 AND key = $2`,
    b,
    key(70),
  ); // {} vs null: same
  await api.db.prisma.$executeRawUnsafe(
    `DELETE FROM "RateEntry" WHERE "versionId" = $1 AND key = $2`,
    b,
    key(80),
  ); // removed
  await api.db.prisma.$executeRawUnsafe(
    `INSERT INTO "RateEntry" ("id", "versionId", "key", "dimensions", "code", "amount", "position", "updatedAt") VALUES (gen_random_uuid()::text, $1, '799999999|TERTIARY_A', '{"code":"799999999","grade":"TERTIARY_A"}', '799999999', 9, 99999, now())`,
    b,
  ); // added
}, 60_000);
afterAll(async () => {
  await api?.close();
});

const DIFF = `query($a: ID!, $b: ID!) { rateVersionDiff(fromId: $a, toId: $b) {
  added { key amount } removed { key amount } changed { key fields before { amount name attributes } after { amount name attributes } } } }`;

describe('rateVersionDiff of two 2000-entry versions', () => {
  it('answers as the domain over both versions whole', async () => {
    const r = await api.gql(
      DIFF,
      {
        a: encodeGlobalID('RateTableVersion', ids[0]!),
        b: encodeGlobalID('RateTableVersion', ids[1]!),
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
    const [a, b] = await Promise.all(
      ids.map((id) =>
        api.db.prisma.rateTableVersion.findUniqueOrThrow({
          where: { id },
          include: { entries: true },
        }),
      ),
    );
    const whole = diffVersions(rateVersionFromRow(a!), rateVersionFromRow(b!));
    const shown = (e: { key: string; amount: unknown }) => ({
      key: e.key,
      amount: e.amount === null ? null : formatDecimal(e.amount as never),
    });
    expect(r.data?.rateVersionDiff.added).toEqual(whole.added.map(shown));
    expect(r.data?.rateVersionDiff.removed).toEqual(whole.removed.map(shown));
    expect(
      r.data?.rateVersionDiff.changed.map((c: { key: string; fields: string[] }) => [
        c.key,
        c.fields,
      ]),
    ).toEqual(whole.changed.map((c) => [c.key, c.fields]));
    // And what that is: one added, one removed, three changed.
    expect(whole.added.map((e) => e.key)).toEqual(['799999999|TERTIARY_A']);
    expect(whole.removed.map((e) => e.key)).toEqual(['700000080|TERTIARY_A']);
    expect(whole.changed.map((c) => [c.key, c.fields])).toEqual([
      ['700000020|TERTIARY_A', ['amount']],
      ['700000040|TERTIARY_A', ['attributes']],
      ['700000050|TERTIARY_A', ['name']],
    ]);
  }, 60_000);

  it('is empty between a version and itself', async () => {
    const id = encodeGlobalID('RateTableVersion', ids[1]!);
    const r = await api.gql(DIFF, { a: id, b: id }, { token: admin });
    expect(r.data?.rateVersionDiff).toEqual({ added: [], removed: [], changed: [] });
  });
});
