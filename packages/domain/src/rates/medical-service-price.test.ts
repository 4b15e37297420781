import { describe, expect, it } from 'vitest';
import {
  MEDICAL_FIXTURE_CODES,
  medicalServiceTableFixture,
} from '../../test/fixtures/rate-tables.ts';
import { HOSPITAL_GRADES, type HospitalGrade } from './hospital-grades.ts';
import { assertHospitalGrade, medicalServicePrice } from './medical-service-price.ts';

// The table as 泸市医保规〔2024〕4号 附件 prints it (a fixture; production loads it from the database).
const TABLE = medicalServiceTableFixture();
const price = (code: string, grade: HospitalGrade, asOf: string) =>
  medicalServicePrice(TABLE, code, grade, asOf);

describe('medicalServicePrice', () => {
  it('returns amount, unit and texts for a priced item', () => {
    const p = price('311201069', 'TERTIARY_A', '2025-01-01');
    expect(p).toMatchObject({
      code: '311201069',
      name: '取卵术',
      unit: '次',
      surchargeRate: null,
      baseCode: null,
    });
    expect(p?.amount?.toString()).toBe('1769');
    expect(p?.note).toContain('311201038');
    expect(p?.docNo).toBe('泸市医保规〔2024〕4号');
  });

  it('answers the grade asked for (二乙以下 胚胎移植 905)', () => {
    expect(price('311201073', 'BELOW_SECONDARY_B', '2025-01-01')?.amount?.toString()).toBe('905');
    expect(price('311201073', 'TERTIARY_B', '2025-01-01')?.amount?.toString()).toBe('1245');
  });

  it('returns a null amount and the rate for a surcharge', () => {
    const p = price('311201073-1', 'SECONDARY_B', '2025-01-01');
    expect(p?.amount).toBeNull();
    expect(p?.surchargeRate?.toString()).toBe('0.68');
    expect(p?.baseCode).toBe('311201073');
  });

  it('is null before the trial period and after it', () => {
    expect(price('311201069', 'TERTIARY_A', '2024-10-31')).toBeNull();
    expect(price('311201069', 'TERTIARY_A', '2024-11-01')).not.toBeNull();
    expect(price('311201069', 'TERTIARY_A', '2026-11-01')).toBeNull();
  });

  it('is null for an unknown code and trims the code', () => {
    expect(price('311201038', 'TERTIARY_A', '2025-01-01')).toBeNull();
    expect(price(' 311201069 ', 'TERTIARY_A', '2025-01-01')?.code).toBe('311201069');
  });

  it('answers every grade of every item inside the trial period', () => {
    for (const code of MEDICAL_FIXTURE_CODES) {
      for (const grade of HOSPITAL_GRADES)
        expect(price(code, grade, '2026-10-31'), code).not.toBeNull();
    }
  });

  it('refuses an unknown grade and an invalid date naming the field', () => {
    expect(() => price('311201069', 'FIRST' as HospitalGrade, '2025-01-01')).toThrowError(
      expect.objectContaining({ field: 'grade' }),
    );
    expect(() => price('311201069', 'TERTIARY_A', '2025-02-30')).toThrowError(
      expect.objectContaining({ field: 'asOf' }),
    );
    expect(assertHospitalGrade('SECONDARY_A')).toBe('SECONDARY_A');
  });
});
