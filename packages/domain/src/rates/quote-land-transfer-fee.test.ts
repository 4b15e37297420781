import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { formatMoney } from '../shared/money.ts';
import { landTransferFeeTableFixture } from '../../test/fixtures/rate-tables.ts';
import { quoteLandTransferFee, type LandTransferFeeInput } from './quote-land-transfer-fee.ts';

// The standards as 泸市自然资规函〔2024〕425号 附件 prints them (a fixture; production loads them
// from the database).
const TABLE = landTransferFeeTableFixture();

const base: LandTransferFeeInput = {
  landUse: 'COMMERCIAL',
  grade: 1,
  streetFrontGroundFloor: true,
  floorArea: '100',
  termCoefficient: '1',
  asOf: '2025-06-01',
};
const fee = (patch: Partial<LandTransferFeeInput>) =>
  quoteLandTransferFee(TABLE, { ...base, ...patch });

function error(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('the column applied', () => {
  it('takes 临街且平街一层 or 其他 for commercial land and the one standard for residential (VII: 240 / 104 / 140)', () => {
    expect(formatMoney(fee({ grade: 7 }).standardPerSqm)).toBe('240.00');
    expect(formatMoney(fee({ grade: 7, streetFrontGroundFloor: false }).standardPerSqm)).toBe(
      '104.00',
    );
    expect(formatMoney(fee({ grade: 7, landUse: 'RESIDENTIAL' }).standardPerSqm)).toBe('140.00');
  });
});

describe('quoteLandTransferFee', () => {
  it('amount = area × standard × coefficient (二(一)): 100 × 1425 × 1', () => {
    const q = fee({});
    expect(formatMoney(q.amount)).toBe('142500.00');
    expect(q.basis).toBe('STANDARD');
    expect(q.frontage).toBe('STREET_FRONT_GROUND_FLOOR');
    expect(q.steps[0]?.article).toBe('泸市自然资规函〔2024〕425号 二(一)');
    expect(q.docNo).toBe('泸市自然资规函〔2024〕425号');
  });

  it('uses the 其他 column off the street front, with the term coefficient', () => {
    expect(formatMoney(fee({ streetFrontGroundFloor: false, termCoefficient: '0.9' }).amount)).toBe(
      '42750.00',
    );
  });

  it('applies one residential standard whatever the frontage', () => {
    const a = fee({ landUse: 'RESIDENTIAL', streetFrontGroundFloor: true, floorArea: '80.5' });
    const b = fee({ landUse: 'RESIDENTIAL', streetFrontGroundFloor: false, floorArea: '80.5' });
    expect(formatMoney(a.amount)).toBe('29624.00');
    expect(a.amount.eq(b.amount)).toBe(true);
    expect(a.frontage).toBe('ANY');
  });

  it('charges housing-reform land 50% (二(三))', () => {
    const q = fee({ landUse: 'RESIDENTIAL', grade: 3, housingReform: true });
    expect(formatMoney(q.amount)).toBe('16000.00');
    expect(q.steps.at(-1)?.article).toBe('泸市自然资规函〔2024〕425号 二(三)');
  });

  it('rounds half-up to 0.01 only at the end (100.03 × 475 × 0.5 = 23757.125 → 23757.13)', () => {
    const q = fee({ streetFrontGroundFloor: false, floorArea: '100.03', housingReform: true });
    expect(q.amount.toFixed(2)).toBe('23757.13');
  });

  it('keeps the coefficient exact (33.335 × 104 × 0.8321 = 2884.757… → 2884.76)', () => {
    expect(
      formatMoney(
        fee({
          grade: 7,
          streetFrontGroundFloor: false,
          floorArea: '33.335',
          termCoefficient: '0.8321',
        }).amount,
      ),
    ).toBe('2884.76');
  });
});

describe('appraisal of a disputed street-front ground floor (二(八))', () => {
  const disputed = { grade: 2, floorArea: '50', streetFrontGroundFloor: true };

  it('charges the appraisal where it exceeds the fee at the 其他 standard', () => {
    const q = fee({ ...disputed, appraisedAmount: '30000' });
    expect(q.basis).toBe('APPRAISAL');
    expect(formatMoney(q.amount)).toBe('30000.00');
    expect(formatMoney(q.standardPerSqm)).toBe('405.00');
  });

  it('charges the 其他 standard where the appraisal is lower (50 × 405 = 20250)', () => {
    const q = fee({ ...disputed, appraisedAmount: '15000' });
    expect(q.basis).toBe('STANDARD');
    expect(q.frontage).toBe('OTHER');
    expect(formatMoney(q.amount)).toBe('20250.00');
  });

  it('charges the standard when the appraisal equals it (not higher)', () => {
    expect(fee({ ...disputed, appraisedAmount: '20250' }).basis).toBe('STANDARD');
  });

  it('halves an appraisal-based fee for housing-reform premises', () => {
    expect(
      formatMoney(fee({ ...disputed, appraisedAmount: '30000', housingReform: true }).amount),
    ).toBe('15000.00');
  });

  it('refuses an appraisal for residential land (the article concerns commercial premises)', () => {
    expect(error(() => fee({ landUse: 'RESIDENTIAL', appraisedAmount: '1' })).field).toBe(
      'appraisedAmount',
    );
  });
});

describe('validity and input errors', () => {
  it('is in force from 2025-01-08 through 2030-01-07 only', () => {
    expect(error(() => fee({ asOf: '2025-01-07' })).code).toBe('RATE_NOT_IN_FORCE');
    expect(formatMoney(fee({ asOf: '2025-01-08' }).amount)).toBe('142500.00');
    expect(formatMoney(fee({ asOf: '2030-01-07' }).amount)).toBe('142500.00');
    expect(error(() => fee({ asOf: '2030-01-08' })).code).toBe('RATE_NOT_IN_FORCE');
  });

  it('refuses grades outside 1–7 naming grade', () => {
    for (const grade of [0, 8, 1.5]) {
      const e = error(() => fee({ grade }));
      expect([e.code, e.field]).toEqual(['BAD_USER_INPUT', 'grade']);
    }
  });

  it('refuses a non-positive area or coefficient naming the field', () => {
    expect(error(() => fee({ floorArea: '0' })).field).toBe('floorArea');
    expect(error(() => fee({ floorArea: '-5' })).field).toBe('floorArea');
    expect(error(() => fee({ termCoefficient: '0' })).field).toBe('termCoefficient');
    expect(error(() => fee({ floorArea: 'abc' })).field).toBe('floorArea');
  });

  it('refuses an unknown land use', () => {
    expect(error(() => fee({ landUse: 'INDUSTRIAL' as never })).field).toBe('landUse');
  });
});
