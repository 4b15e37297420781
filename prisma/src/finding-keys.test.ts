// Repeat-finding keys (issue 9): the gazette import writes findingKeys of the domain with every
// finding, and the migration that added the keys backfilled existing rows with the same rule
// spelled in SQL. Both are compared here with findingKeys itself, row by row.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingKeys } from '@gazette/domain';
import { MIGRATIONS_DIR } from './migrate.ts';
import { seedDatabase } from './seed.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.prisma);
}, 120_000);
afterAll(() => db?.drop());

async function stored() {
  const website = await db.prisma.websiteFinding.findMany({ orderBy: { id: 'asc' } });
  const newMedia = await db.prisma.newMediaFinding.findMany({ orderBy: { id: 'asc' } });
  return { website, newMedia };
}

function expectDomainKeys({ website, newMedia }: Awaited<ReturnType<typeof stored>>) {
  expect(website.map((f) => [f.description, f.subjectKey, f.issueKey])).toEqual(
    website.map((f) => {
      const k = findingKeys({ channel: 'WEBSITE', description: f.description });
      return [f.description, k.subjectKey, k.issueKey];
    }),
  );
  expect(newMedia.map((f) => [f.account, f.description, f.subjectKey, f.issueKey])).toEqual(
    newMedia.map((f) => {
      const k = findingKeys({
        channel: 'NEW_MEDIA',
        account: f.account,
        description: f.description,
      });
      return [f.account, f.description, k.subjectKey, k.issueKey];
    }),
  );
}

/** The migration's UPDATE statements (between its "-- Backfill" and the next section). */
function backfillStatements(): string[] {
  const dir = readdirSync(MIGRATIONS_DIR).find((d) => d.endsWith('_finding_match_keys'))!;
  const sql = readFileSync(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8');
  const section = sql.slice(sql.indexOf('-- Backfill'), sql.indexOf('-- Every writer'));
  return section
    .split(';')
    .map((s) => s.replace(/^--.*$/gm, '').trim())
    .filter(Boolean);
}

describe('repeat-finding keys', () => {
  it('the gazette import (the seed) writes findingKeys with every finding', async () => {
    const rows = await stored();
    expect(rows.website.length).toBeGreaterThan(0);
    expect(rows.newMedia.length).toBeGreaterThan(0);
    expectDomainKeys(rows);
  });

  it('the migration backfills the keys findingKeys computes, whitespace and columns included', async () => {
    const round = await db.prisma.inspectionRound.findFirstOrThrow();
    const org = await db.prisma.organization.findFirstOrThrow();
    const texts = [
      ' 《部门信箱》 超期\u3000未更新\n',
      '《通知\u00a0公告》',
      '栏目空白',
      '\t《 区县 动态 》《二》错误\u2028\u2029',
      '《未闭合超期未更新',
      '\ufeff\u205f\u202f\u2000\u200a《a》b\u1680c',
      '',
    ];
    await db.prisma.websiteFinding.createMany({
      data: texts.map((description, i) => ({
        roundId: round.id,
        organizationId: org.id,
        siteSeq: 90_000 + i,
        siteName: '测试网站',
        position: 0,
        description,
        subjectKey: 'stale',
        issueKey: 'stale',
      })),
    });
    await db.prisma.newMediaFinding.createMany({
      data: texts.map((description, i) => ({
        roundId: round.id,
        organizationId: org.id,
        seq: 90_000 + i,
        account: ` 泸州\u3000发布${i}\n`,
        platform: '微信',
        description,
        subjectKey: 'stale',
        issueKey: 'stale',
      })),
    });
    // Every row, the seed's included, is rewritten by the backfill.
    await db.prisma.$executeRawUnsafe(
      `UPDATE "WebsiteFinding" SET "subjectKey" = 'stale', "issueKey" = 'stale'`,
    );
    await db.prisma.$executeRawUnsafe(
      `UPDATE "NewMediaFinding" SET "subjectKey" = 'stale', "issueKey" = 'stale'`,
    );
    const statements = backfillStatements();
    expect(statements).toHaveLength(2);
    for (const s of statements) await db.prisma.$executeRawUnsafe(s);
    const rows = await stored();
    expect(rows.website.some((f) => f.subjectKey === 'stale')).toBe(false);
    expectDomainKeys(rows);
  });
});
