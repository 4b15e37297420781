import { describe, expect, it } from 'vitest';
import { rateTableSeedRows, SEED_RATE_TABLES } from './seed.ts';

describe('seed rate tables of issue 2024-12', () => {
  it('are the three printed tables plus the empty term-coefficient table, each under its policy', () => {
    expect(SEED_RATE_TABLES.map((t) => [t.kind, t.policy.docNo])).toEqual([
      ['MEDICAL_SERVICE_PRICE', '泸市医保规〔2024〕4号'],
      ['LAND_TRANSFER_FEE', '泸市自然资规函〔2024〕425号'],
      ['LAND_TERM_COEFFICIENT', '泸市自然资规函〔2024〕425号'],
      ['REHAB_ASSISTANCE', '泸市府规〔2024〕4号'],
    ]);
  });

  it('start each printed table on its policy effective date, open-ended, published', () => {
    const starts = SEED_RATE_TABLES.flatMap((t) => t.versions.map((v) => [t.key, v.effectiveFrom, v.effectiveTo, v.status]));
    expect(starts).toEqual([
      ['medical-service-prices', '2024-11-01', null, 'PUBLISHED'],
      ['land-transfer-fee-standards', '2025-01-08', null, 'PUBLISHED'],
      ['child-rehab-assistance-standards', '2025-01-06', null, 'PUBLISHED'],
    ]);
  });

  it('have unique entry keys within every version', () => {
    for (const t of SEED_RATE_TABLES) {
      for (const v of t.versions) expect(new Set(v.entries.map((e) => e.key)).size, t.key).toBe(v.entries.length);
    }
  });

  it('serialise to plain rows with decimal strings for the DB seed', () => {
    const rows = rateTableSeedRows();
    const rehab = rows.find((r) => r.kind === 'REHAB_ASSISTANCE')!;
    expect(rehab.versions[0]?.entries.map((e) => [e.key, e.amount])).toEqual([
      ['SURGERY|CITY', '30000'],
      ['TRAINING|CITY', '20000'],
      ['BASIC_DEVICE|CITY', '5000'],
      ['COCHLEAR_IMPLANT|CITY', '60000'],
      ['HEARING_AID|CITY', '10000'],
      ['PROSTHESIS|CITY', '10000'],
      ['LIMB_ORTHOSIS|CITY', '5000'],
    ]);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });
});
