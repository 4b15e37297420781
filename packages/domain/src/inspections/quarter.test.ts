import { describe, expect, it } from 'vitest';
import { formatQuarter, parseQuarter, quartersBetween } from './quarter.ts';

describe('parseQuarter', () => {
  it('reads 2024Q4', () => {
    expect(parseQuarter('2024Q4')).toEqual({ year: 2024, quarter: 4 });
  });
  it('tolerates a lower-case q and spaces', () => {
    expect(parseQuarter(' 2025q1 ')).toEqual({ year: 2025, quarter: 1 });
  });
  it.each(['2024Q5', '2024Q0', '2024-Q4', '24Q4', '2024年第四季度', ''])(
    'rejects %j with BAD_USER_INPUT naming quarter',
    (text) => {
      expect(() => parseQuarter(text)).toThrowError(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'quarter' }),
      );
    },
  );
  it('names a custom field', () => {
    expect(() => parseQuarter('x', 'input.quarter')).toThrowError(
      expect.objectContaining({ field: 'input.quarter' }),
    );
  });
});

describe('quartersBetween and formatQuarter', () => {
  it('counts quarters across years, negative when b is earlier', () => {
    expect(quartersBetween(parseQuarter('2023Q4'), parseQuarter('2024Q4'))).toBe(4);
    expect(quartersBetween(parseQuarter('2025Q1'), parseQuarter('2024Q4'))).toBe(-1);
    expect(quartersBetween(parseQuarter('2024Q4'), parseQuarter('2024Q4'))).toBe(0);
  });
  it('writes a quarter as 2024Q4', () => {
    expect(formatQuarter(parseQuarter(' 2024q4 '))).toBe('2024Q4');
  });
});
