import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { buildRateEntry, buildVersionEntries, rateEntryInputErrors } from './entry-input.ts';
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

describe('buildVersionEntries', () => {
  it('throws BAD_USER_INPUT listing every problem of every entry', () => {
    try {
      buildVersionEntries(REHAB_ASSISTANCE_TABLE, [
        { dimensions: { service: 'SURGERY', county: 'CITY' } },
        { dimensions: { service: 'TRAINING', county: 'CITY' }, amount: '-5' },
      ]);
      expect.unreachable();
    } catch (e) {
      const err = e as DomainError;
      expect(err.code).toBe('BAD_USER_INPUT');
      expect((err.details?.errors as { field: string }[]).map((x) => x.field)).toEqual(['entries[0].amount', 'entries[1].amount']);
    }
  });

  it('refuses duplicate keys', () => {
    const dup = { dimensions: { service: 'SURGERY', county: 'CITY' }, amount: '1' };
    expect(() => buildVersionEntries(REHAB_ASSISTANCE_TABLE, [dup, dup])).toThrow(/重复/);
  });
});
