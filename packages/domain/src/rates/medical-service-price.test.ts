import { describe, expect, it } from 'vitest';
import { HOSPITAL_GRADES, MEDICAL_SERVICE_ITEMS } from './medical-seed.ts';
import { medicalServicePrice } from './medical-service-price.ts';
import { MEDICAL_SERVICE_TABLE } from './medical-table.ts';

describe('medical service seed (泸市医保规〔2024〕4号 附件)', () => {
  it('has 17 items numbered 1–17 with unique codes', () => {
    expect(MEDICAL_SERVICE_ITEMS.map((i) => i.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(new Set(MEDICAL_SERVICE_ITEMS.map((i) => i.code)).size).toBe(17);
  });

  it('holds 17 × 5 entries in the table', () => {
    expect(MEDICAL_SERVICE_TABLE.versions[0]?.entries).toHaveLength(85);
  });

  it('uses only the printed units', () => {
    expect(new Set(MEDICAL_SERVICE_ITEMS.map((i) => i.unit))).toEqual(new Set(['次', '管·次', '管·月', '卵·次', '每个胚胎(卵)']));
  });

  it('reads rows 6–8 (header OCR-repeated 三甲) as the five grades in order', () => {
    expect(medicalServicePrice('311201073', 'BELOW_SECONDARY_B', '2025-01-01')?.amount?.toString()).toBe('905');
    expect(medicalServicePrice('311201074', 'TERTIARY_B', '2025-01-01')?.amount?.toString()).toBe('1858');
  });

  it('prices decrease from 三甲 to 二乙以下 for every priced item', () => {
    for (const item of MEDICAL_SERVICE_ITEMS.filter((i) => !i.printed[0].endsWith('%'))) {
      const values = item.printed.map(Number);
      expect([...values].sort((a, b) => b - a), item.code).toEqual(values);
    }
  });
});

describe('medicalServicePrice', () => {
  it('returns amount, unit and texts for a priced item', () => {
    const p = medicalServicePrice('311201069', 'TERTIARY_A', '2025-01-01');
    expect(p).toMatchObject({ code: '311201069', name: '取卵术', unit: '次', surchargeRate: null, baseCode: null });
    expect(p?.amount?.toString()).toBe('1769');
    expect(p?.note).toContain('311201038');
  });

  it('returns a null amount and the rate for a surcharge', () => {
    const p = medicalServicePrice('311201073-1', 'SECONDARY_B', '2025-01-01');
    expect(p?.amount).toBeNull();
    expect(p?.surchargeRate?.toString()).toBe('0.68');
    expect(p?.baseCode).toBe('311201073');
  });

  it('is null before the trial period and after it', () => {
    expect(medicalServicePrice('311201069', 'TERTIARY_A', '2024-10-31')).toBeNull();
    expect(medicalServicePrice('311201069', 'TERTIARY_A', '2026-11-01')).toBeNull();
  });

  it('is null for an unknown code', () => {
    expect(medicalServicePrice('311201038', 'TERTIARY_A', '2025-01-01')).toBeNull();
  });

  it('answers every grade of every item inside the trial period', () => {
    for (const item of MEDICAL_SERVICE_ITEMS) {
      for (const grade of HOSPITAL_GRADES) expect(medicalServicePrice(item.code, grade, '2026-10-31'), item.code).not.toBeNull();
    }
  });
});
