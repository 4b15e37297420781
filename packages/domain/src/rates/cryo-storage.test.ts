import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { formatMoney } from '../shared/money.ts';
import { cryoStorageMonths, cryoStorageQuote } from './cryo-storage.ts';

const q = (tubes: number, months: number) => cryoStorageQuote({ grade: 'TERTIARY_A', asOf: '2025-03-01', tubes, months });

describe('cryoStorageQuote', () => {
  it('bills only the freezing fee when storage stays within two months', () => {
    const r = q(2, 2);
    expect(r.lines.map((l) => l.code)).toEqual(['311201071']);
    expect(formatMoney(r.total)).toBe('2334.00');
    expect(r.extraMonths).toBe(0);
  });

  it('bills one month less than a month as the freezing fee alone', () => {
    expect(formatMoney(q(1, 0.5).total)).toBe('1167.00');
  });

  it('bills 311201072 per tube per month beyond the two covered months', () => {
    const r = q(3, 5); // 3 × 1167 + 3 × 3 × 22
    expect(r.lines[1]).toMatchObject({ code: '311201072', quantity: 9 });
    expect(formatMoney(r.total)).toBe('3699.00');
  });

  it('rounds a part-month up to a whole month', () => {
    const r = q(1, 2.1);
    expect(r.storageMonths).toBe(3);
    expect(formatMoney(r.total)).toBe('1189.00');
  });

  it('refuses zero tubes and non-positive months naming the field', () => {
    expect(() => q(0, 3)).toThrow(DomainError);
    expect(() => q(0, 3)).toThrow(/tubes/);
    expect(() => q(1, 0)).toThrow(/months/);
  });
});

describe('cryoStorageMonths', () => {
  it('counts the freezing month and the last month', () => {
    expect(cryoStorageMonths('2025-01-31', '2025-02-01')).toBe(2);
    expect(cryoStorageMonths('2025-01-15', '2025-01-20')).toBe(1);
    expect(cryoStorageMonths('2024-11-15', '2025-03-01')).toBe(5);
  });

  it('refuses an end before the freezing date', () => {
    expect(() => cryoStorageMonths('2025-03-01', '2025-02-28')).toThrow(/storedUntil/);
  });
});
