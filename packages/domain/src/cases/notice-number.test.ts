import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { formatNoticeNumber } from './notice-number.ts';

describe('formatNoticeNumber (附件4、5、7、9)', () => {
  it.each([
    ['ACCEPTANCE', '泸市监受理书〔2025〕1号'],
    ['SUSPENSION', '泸市监中止书〔2025〕1号'],
    ['TERMINATION', '泸市监终止书〔2025〕1号'],
    ['RESULT', '泸市监审结书〔2025〕1号'],
  ] as const)('prints %s as %s', (kind, number) => {
    expect(formatNoticeNumber(kind, 2025, 1)).toBe(number);
  });

  it('prints serials without padding', () => {
    expect(formatNoticeNumber('ACCEPTANCE', 2026, 123)).toBe('泸市监受理书〔2026〕123号');
  });

  it.each([
    ['serial', 'ACCEPTANCE', 2025, 0],
    ['serial', 'ACCEPTANCE', 2025, 1.5],
    ['year', 'RESULT', 25, 1],
    ['kind', 'PENALTY', 2025, 1],
  ])('refuses a bad %s', (field, kind, year, serial) => {
    try {
      formatNoticeNumber(kind as never, year, serial);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).field).toBe(field);
    }
  });
});
