import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  compareQuarters,
  formatQuarter,
  inspectionWindow,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  quarterDates,
  quartersBetween,
} from './quarter.ts';

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

describe('quarter arithmetic', () => {
  it('steps back across a year: before 2025Q1 comes 2024Q4', () => {
    expect(formatQuarter(previousQuarter(parseQuarter('2025Q1')))).toBe('2024Q4');
  });
  it('steps forward across a year: after 2024Q4 comes 2025Q1', () => {
    expect(formatQuarter(nextQuarter(parseQuarter('2024Q4')))).toBe('2025Q1');
  });
  it('adds many quarters either way', () => {
    expect(formatQuarter(addQuarters(parseQuarter('2024Q4'), -9))).toBe('2022Q3');
    expect(formatQuarter(addQuarters(parseQuarter('2024Q2'), 6))).toBe('2025Q4');
  });
  it('counts and compares quarters', () => {
    expect(quartersBetween(parseQuarter('2023Q4'), parseQuarter('2024Q4'))).toBe(4);
    expect(compareQuarters(parseQuarter('2024Q3'), parseQuarter('2024Q4'))).toBe(-1);
    expect(compareQuarters(parseQuarter('2024Q4'), parseQuarter('2024Q4'))).toBe(0);
  });
  it('gives the calendar days of a quarter', () => {
    expect(quarterDates(parseQuarter('2024Q4'))).toEqual({
      start: '2024-10-01',
      end: '2024-12-31',
    });
    expect(quarterDates(parseQuarter('2024Q1'))).toEqual({
      start: '2024-01-01',
      end: '2024-03-31',
    });
  });
});

describe('inspectionWindow', () => {
  it('is 2024-10-01 to 2024-12-01 for 2024Q4 (泸市府室发〔2024〕34号 附件2 说明)', () => {
    expect(inspectionWindow(parseQuarter('2024Q4'))).toEqual({
      start: '2024-10-01',
      end: '2024-12-01',
    });
  });
  it('follows the same rule in another quarter', () => {
    expect(inspectionWindow(parseQuarter('2025Q1'))).toEqual({
      start: '2025-01-01',
      end: '2025-03-01',
    });
  });
});
