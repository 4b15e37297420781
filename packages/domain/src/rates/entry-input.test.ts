import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { buildRateEntry, rateEntryInputErrors, versionEntryErrors } from './entry-input.ts';
import {
  medicalServiceTableFixture,
  rehabAssistanceTableFixture,
} from '../../test/fixtures/rate-tables.ts';

const MEDICAL_SERVICE_TABLE = medicalServiceTableFixture();
const REHAB_ASSISTANCE_TABLE = rehabAssistanceTableFixture();

describe('buildRateEntry', () => {
  it('builds the canonical key and takes the code from the code dimension', () => {
    const e = buildRateEntry(MEDICAL_SERVICE_TABLE, {
      dimensions: { grade: 'TERTIARY_A', code: '311201069' },
      amount: '1800',
    });
    expect(e.key).toBe('311201069|TERTIARY_A');
    expect(e.code).toBe('311201069');
    expect(e.amount?.toString()).toBe('1800');
  });

  it('checks open dimensions against their pattern', () => {
    const errors = rateEntryInputErrors(MEDICAL_SERVICE_TABLE, {
      dimensions: { code: 'ABC', grade: 'TERTIARY_A' },
      amount: '1',
    });
    expect(errors.map((e) => e.field)).toEqual(['dimensions.code']);
  });

  it('accepts a county name in the open county dimension of the rehab table', () => {
    const e = buildRateEntry(REHAB_ASSISTANCE_TABLE, {
      dimensions: { service: 'SURGERY', county: '古蔺县' },
      amount: '35000',
    });
    expect(e.key).toBe('SURGERY|古蔺县');
  });

  it('refuses a closed dimension value, listing the allowed ones', () => {
    try {
      buildRateEntry(
        REHAB_ASSISTANCE_TABLE,
        { dimensions: { service: 'MASSAGE', county: 'CITY' }, amount: '1' },
        0,
        'entries[0]',
      );
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).field).toBe('entries[0].dimensions.service');
      expect((e as DomainError).message).toContain('SURGERY(康复手术)');
    }
  });

  it('refuses a key separator inside a dimension value and an unknown dimension', () => {
    const errors = rateEntryInputErrors(REHAB_ASSISTANCE_TABLE, {
      dimensions: { service: 'SURGERY', county: 'a|b', x: '1' },
      amount: '1',
    });
    expect(errors.map((e) => e.field)).toEqual(['dimensions.county', 'dimensions.x']);
  });
});

describe('versionEntryErrors', () => {
  it('refuses duplicate keys, naming the repeat', () => {
    const surgery = buildRateEntry(REHAB_ASSISTANCE_TABLE, {
      dimensions: { service: 'SURGERY', county: 'CITY' },
      amount: '1',
    });
    const errors = versionEntryErrors([surgery, { ...surgery, position: 1 }]);
    expect(errors.map((e) => e.field)).toEqual(['entries[1].dimensions']);
    expect(errors[0]?.message).toMatch(/重复/);
  });

  it('finds nothing wrong with distinct entries', () => {
    const a = buildRateEntry(REHAB_ASSISTANCE_TABLE, {
      dimensions: { service: 'SURGERY', county: 'CITY' },
      amount: '1',
    });
    const b = buildRateEntry(
      REHAB_ASSISTANCE_TABLE,
      { dimensions: { service: 'TRAINING', county: 'CITY' }, amount: '1' },
      1,
    );
    expect(versionEntryErrors([a, b])).toEqual([]);
  });
});

describe('values the database would round or overflow', () => {
  const table = { dimensions: [{ name: 'code', label: '项目编码', values: [], open: true }] };
  const errors = (input: Record<string, string>) =>
    rateEntryInputErrors(table, { dimensions: { code: 'X1' }, ...input }).map((e) => [
      e.field,
      e.message,
    ]);
  it('refuses an amount with more than 4 decimals or 10 integer digits, naming the field', () => {
    expect(errors({ amount: '1.23456' })).toEqual([
      ['amount', 'amount(金额)最多 4 位小数:1.23456'],
    ]);
    expect(errors({ amount: '12345678901' })).toEqual([
      ['amount', 'amount(金额)整数部分最多 10 位:12345678901'],
    ]);
    expect(errors({ amount: '1234567890.1234' })).toEqual([]);
  });
  it('refuses a rate with more than 6 decimals', () => {
    expect(errors({ rate: '0.1234567' })).toEqual([['rate', 'rate(比例)最多 6 位小数:0.1234567']]);
    expect(errors({ rate: '0.39' })).toEqual([]);
  });
});
