// The database after seeding holds what the committed JSON of prisma/seed/2024-12 says, and a
// malformed file stops the seed before it writes anything.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  SeedInspectionRound,
  SeedLandTransferFeeTable,
  SeedMedicalPriceTable,
  SeedNoiseDutiesFile,
  SeedPoliciesFile,
} from '@gazette/gazette';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedFileError, seedDatabase } from './seed.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

const SEED_ROOT = fileURLToPath(new URL('../seed/', import.meta.url));
const json = <T>(name: string) => JSON.parse(readFileSync(path.join(SEED_ROOT, '2024-12', name), 'utf8')) as T;

let db: TestDatabase;
let tmp: string;
beforeAll(async () => {
  db = await createTestDatabase();
  tmp = mkdtempSync(path.join(tmpdir(), 'seed-root-'));
});
afterAll(async () => {
  await db?.drop();
  rmSync(tmp, { recursive: true, force: true });
});

const published = (key: string) =>
  db.prisma.rateEntry.findMany({ where: { tableVersion: { status: 'PUBLISHED', table: { key } } } });

describe('seedDatabase from prisma/seed/<issue>/', () => {
  // First, on the empty database: nothing may be written, not even the organisations.
  it('writes nothing when a file is malformed, and names the file and the field', async () => {
    cpSync(path.join(SEED_ROOT, '2024-12'), path.join(tmp, '2024-12'), { recursive: true });
    const file = path.join(tmp, '2024-12', 'land-transfer-fees.json');
    const land = JSON.parse(readFileSync(file, 'utf8')) as SeedLandTransferFeeTable;
    (land.entries[4] as unknown as { amount: number }).amount = 798;
    writeFileSync(file, JSON.stringify(land));

    const error = await seedDatabase(db.prisma, { root: tmp }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedFileError);
    expect((error as Error).message).toContain('land-transfer-fees.json: entries[4].amount');
    expect(await db.prisma.organization.count()).toBe(0);
    expect(await db.prisma.policy.count()).toBe(0);
    expect(await db.prisma.rateEntry.count()).toBe(0);
  });

  it('every medical price cell of medical-service-prices.json is a published entry', async () => {
    await seedDatabase(db.prisma);
    const medical = json<SeedMedicalPriceTable>('medical-service-prices.json');
    const rows = await published('medical-service-prices');
    const cells = medical.items.flatMap((item) => Object.entries(item.values).map(([grade, value]) => ({ item, grade, value })));
    expect(rows).toHaveLength(cells.length);
    for (const { item, grade, value } of cells) {
      const row = rows.find((r) => r.key === `${item.code}|${grade}`);
      const stored = item.priceKind === 'SURCHARGE_RATE' ? row?.rate : row?.amount;
      expect(stored && new Decimal(stored.toString()).equals(value), `${item.code} ${grade}`).toBe(true);
      expect(row?.name).toBe(item.name);
      expect(row?.baseKey).toBe(item.priceKind === 'SURCHARGE_RATE' ? `${item.baseCode}|${grade}` : null);
    }
  });

  it('every land standard of land-transfer-fees.json is a published entry', async () => {
    const land = json<SeedLandTransferFeeTable>('land-transfer-fees.json');
    const rows = await published('land-transfer-fee-standards');
    expect(rows).toHaveLength(land.entries.length);
    for (const e of land.entries) {
      const row = rows.find((r) => r.key === `${e.landUse}|${e.grade}|${e.frontage}`);
      expect(row?.amount?.toString(), row?.key).toBe(new Decimal(e.amount).toString());
    }
  });

  it('policies, duties and the inspection round are those of the files', async () => {
    const { policies } = json<SeedPoliciesFile>('policies.json');
    const stored = await db.prisma.policy.findMany({ include: { issuers: { orderBy: { position: 'asc' }, include: { organization: true } } } });
    expect(stored.map((p) => p.docNo).sort()).toEqual(policies.map((p) => p.docNo).sort());
    for (const p of policies) {
      const row = stored.find((s) => s.docNo === p.docNo)!;
      expect([row.title, row.category, row.effectiveFrom.toISOString().slice(0, 10), row.expiresOn?.toISOString().slice(0, 10) ?? null]).toEqual([
        p.title,
        p.category,
        p.effectiveFrom,
        p.expiresOn,
      ]);
      expect(row.issuers).toHaveLength(p.issuers.length);
    }

    const duties = json<SeedNoiseDutiesFile>('noise-duties.json');
    const allocations = await db.prisma.dutyAllocation.findMany({ orderBy: { seq: 'asc' } });
    expect(allocations.map(({ seq, article, lawText, duty }) => ({ seq, article, lawText, duty }))).toEqual(duties.duties);

    const round = json<SeedInspectionRound>('inspection-2024Q4.json');
    const stored2 = await db.prisma.inspectionRound.findUniqueOrThrow({
      where: { quarter: round.quarter },
      include: { websiteFindings: true, newMediaFindings: true, dataGaps: true, adoptions: true },
    });
    expect(stored2.websiteFindings.map((f) => f.description).sort()).toEqual(round.websiteFindings.map((f) => f.description).sort());
    expect(stored2.newMediaFindings.map((f) => f.account).sort()).toEqual(round.newMediaFindings.map((f) => f.account).sort());
    expect(stored2.dataGaps).toHaveLength(round.dataCollectionGaps.flatMap((g) => g.organizations).length);
    expect(stored2.adoptions).toHaveLength(round.adoptions.length);
    expect(stored2.messagesReceived).toBe(round.messages.received);
  });
});
