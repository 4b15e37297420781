import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { buildRateEntry, rateEntryInputErrors, versionEntryErrors } from './entry-input.ts';
import { medicalServiceTableFixture, rehabAssistanceTableFixture } from '../testing/rate-tables.ts';

const MEDICAL_SERVICE_TABLE = medicalServiceTableFixture();
const REHAB_ASSISTANCE_TABLE = rehabAssistanceTableFixture();

describe('buildRateEntry', () => {
  it('builds the canonical key and takes the code from the code dimension', () => {
    const e = buildRateEntry(MEDICAL_SERVICE_TABLE, { dimensions: { grade: 'TERTIARY_A', code: '311201069' }, amount: '1800' });
    expect(e.key).toBe('311201069|TERTIARY_A');
    expect(e.code).toBe('311201069');
    expect(e.amount?.toString()).toBe('1800');
  });

  it('checks open dimensions against their pattern', () => {
    const errors = rateEntryInputErrors(MEDICAL_SERVICE_TABLE, { dimensions: { code: 'ABC', grade: 'TERTIARY_A' }, amount: '1' });
    expect(errors.map((e) => e.field)).toEqual(['dimensions.code']);
  });

  it('accepts a county name in the open county dimension of the rehab table', () => {
    const e = buildRateEntry(REHAB_ASSISTANCE_TABLE, { dimensions: { service: 'SURGERY', county: '古蔺县' }, amount: '35000' });
    expect(e.key).toBe('SURGERY|古蔺县');
  });

  it('refuses a closed dimension value, listing the allowed ones', () => {
    try {
      buildRateEntry(REHAB_ASSISTANCE_TABLE, { dimensions: { service: 'MASSAGE', county: 'CITY' }, amount: '1' }, 0, 'entries[0]');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).field).toBe('entries[0].dimensions.service');
      expect((e as DomainError).message).toContain('SURGERY(康复手术)');
    }
  });

  it('refuses a key separator inside a dimension value and an unknown dimension', () => {
    const errors = rateEntryInputErrors(REHAB_ASSISTANCE_TABLE, { dimensions: { service: 'SURGERY', county: 'a|b', x: '1' }, amount: '1' });
    expect(errors.map((e) => e.field)).toEqual(['dimensions.county', 'dimensions.x']);
  });
});

describe('versionEntryErrors', () => {
  it('refuses duplicate keys, naming the repeat', () => {
    const surgery = buildRateEntry(REHAB_ASSISTANCE_TABLE, { dimensions: { service: 'SURGERY', county: 'CITY' }, amount: '1' });
    const errors = versionEntryErrors([surgery, { ...surgery, position: 1 }]);
    expect(errors.map((e) => e.field)).toEqual(['entries[1].dimensions']);
    expect(errors[0]?.message).toMatch(/重复/);
  });

  it('finds nothing wrong with distinct entries', () => {
    const a = buildRateEntry(REHAB_ASSISTANCE_TABLE, { dimensions: { service: 'SURGERY', county: 'CITY' }, amount: '1' });
    const b = buildRateEntry(REHAB_ASSISTANCE_TABLE, { dimensions: { service: 'TRAINING', county: 'CITY' }, amount: '1' }, 1);
    expect(versionEntryErrors([a, b])).toEqual([]);
  });
});
