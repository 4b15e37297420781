import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatPercent } from './format.ts';

describe('formatDate', () => {
  it('writes 2025-01-06 as 2025年1月6日 in Chinese, without leading zeros', () => {
    expect(formatDate('2025-01-06', 'zh')).toBe('2025年1月6日');
  });
  it('writes English dates with a month name', () => {
    expect(formatDate('2030-01-05', 'en')).toBe('Jan 5, 2030');
  });
  it('takes the Shanghai calendar day of a UTC timestamp late in the evening', () => {
    expect(formatDate('2024-12-31T17:00:00.000Z', 'zh')).toBe('2025年1月1日');
  });
  it('prints nothing for a missing date', () => {
    expect(formatDate(null, 'zh')).toBe('');
  });
});

describe('formatMoney', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
  });
  it('rounds half-up at the cent', () => {
    expect(formatMoney('1154.005')).toBe('1,154.01');
    expect(formatMoney('0.125')).toBe('0.13');
  });
  it('keeps small amounts ungrouped', () => {
    expect(formatMoney('4223')).toBe('4,223.00');
    expect(formatMoney('999')).toBe('999.00');
  });
});

describe('formatPercent', () => {
  it('writes a fraction as a percentage', () => {
    expect(formatPercent('0.39')).toBe('39%');
    expect(formatPercent('0.68')).toBe('68%');
  });
});
