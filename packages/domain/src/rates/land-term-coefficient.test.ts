import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { buildVersionEntries } from './entry-input.ts';
import { landTermCoefficientTableFixture } from '../testing/rate-tables.ts';
import { maxLandTerm } from './land-table.ts';
import { termCoefficientFor } from './land-term-coefficient.ts';
import { supersede } from './versions.ts';

describe('maxLandTerm (泸市自然资规函〔2024〕425号 二(五))', () => {
  it('is 40 years for commercial, 50 for residential, 40 for mixed use with commercial', () => {
    expect(maxLandTerm('COMMERCIAL')).toBe(40);
    expect(maxLandTerm('RESIDENTIAL')).toBe(50);
    expect(maxLandTerm('MIXED_WITH_COMMERCIAL')).toBe(40);
  });
});

describe('the 年期修正系数 table administrators maintain', () => {
  const empty = landTermCoefficientTableFixture();

  it('starts without values (the gazette prints none)', () => {
    expect(empty.versions).toEqual([]);
    expect(empty.kind).toBe('LAND_TERM_COEFFICIENT');
  });

  it('answers RATE_NOT_IN_FORCE while no one has entered a coefficient', () => {
    expect(() => termCoefficientFor(empty, 'RESIDENTIAL', 30, '2025-06-01')).toThrow(DomainError);
  });

  const entries = buildVersionEntries(empty, [
    { dimensions: { landUse: 'RESIDENTIAL', years: '30' }, rate: '0.8521' },
    { dimensions: { landUse: 'COMMERCIAL', years: '20' }, rate: '0.7313' },
  ]);
  const filled = supersede(empty, {
    label: null,
    effectiveFrom: '2025-02-01',
    effectiveTo: null,
    status: 'DRAFT',
    note: null,
    entries,
  });

  it('returns an entered coefficient by land use and years', () => {
    expect(termCoefficientFor(filled, 'RESIDENTIAL', 30, '2025-06-01').toString()).toBe('0.8521');
  });

  it('is not in force before the version an administrator published', () => {
    expect(() => termCoefficientFor(filled, 'RESIDENTIAL', 30, '2025-01-31')).toThrow(/年期修正系数/);
  });

  it('names a missing term as RATE_NOT_IN_FORCE and a bad term as BAD_USER_INPUT', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as DomainError).code;
      }
      return null;
    };
    expect(code(() => termCoefficientFor(filled, 'RESIDENTIAL', 31, '2025-06-01'))).toBe('RATE_NOT_IN_FORCE');
    expect(code(() => termCoefficientFor(filled, 'RESIDENTIAL', 0, '2025-06-01'))).toBe('BAD_USER_INPUT');
  });
});
