// The seed loads the issue once: a second run creates nothing and reverts no administrator edit.
import { createTestDatabase, type TestDatabase } from '@gazette/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../prisma/src/seed.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function counts() {
  const p = db.prisma;
  return {
    organizations: await p.organization.count(),
    aliases: await p.organizationAlias.count(),
    policies: await p.policy.count(),
    issuers: await p.policyIssuer.count(),
    rateTables: await p.rateTable.count(),
    versions: await p.rateTableVersion.count(),
    entries: await p.rateEntry.count(),
    duties: await p.dutyAllocation.count(),
    rounds: await p.inspectionRound.count(),
    websiteFindings: await p.websiteFinding.count(),
    newMediaFindings: await p.newMediaFinding.count(),
    gaps: await p.dataCollectionGap.count(),
    adoptions: await p.informationAdoption.count(),
  };
}

describe('seedDatabase', () => {
  it('loads the nine documents, the rate tables, the duties and the 2024Q4 round', async () => {
    const report = await seedDatabase(db.prisma);
    expect(report).toMatchObject({ policies: 9, rateTables: 4, duties: 13, inspectionRounds: 1 });
    expect(await counts()).toMatchObject({
      policies: 9,
      websiteFindings: 15,
      newMediaFindings: 8,
      gaps: 15,
      rounds: 1,
      // 17 items × 5 grades, 21 land standards, the rehabilitation caps.
      entries: expect.any(Number),
    });
    expect(await db.prisma.rateEntry.count({ where: { tableVersion: { table: { key: 'medical-service-prices' } } } })).toBe(85);
  });

  it('changes nothing on a second run and keeps an edit made in between', async () => {
    await db.prisma.policy.update({ where: { docNo: '泸市府函〔2024〕270号' }, data: { title: '管理员改过的标题' } });
    const before = await counts();
    const report = await seedDatabase(db.prisma);
    expect(Object.values(report).every((n) => n === 0)).toBe(true);
    expect(await counts()).toEqual(before);
    expect((await db.prisma.policy.findUniqueOrThrow({ where: { docNo: '泸市府函〔2024〕270号' } })).title).toBe('管理员改过的标题');
  });
});
