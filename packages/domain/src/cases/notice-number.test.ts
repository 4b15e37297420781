import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { NOTICE_KINDS } from './codes.ts';
import { formatNoticeNumber, parseNoticeNumber } from './notice-number.ts';

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

describe('parseNoticeNumber', () => {
  it.each(NOTICE_KINDS)('round-trips %s', (kind) => {
    const number = formatNoticeNumber(kind, 2025, 17);
    expect(parseNoticeNumber(number)).toEqual({ kind, year: 2025, serial: 17, number });
  });

  it('accepts the square brackets and spaces the gazette prints (附件7、9)', () => {
    expect(parseNoticeNumber('泸市监审结书[2025] 3号')?.number).toBe('泸市监审结书〔2025〕3号');
    expect(parseNoticeNumber(' 泸市监终止书 [ 2025 ] 12 号 ')?.number).toBe(
      '泸市监终止书〔2025〕12号',
    );
  });

  it.each([
    '泸市监规发〔2024〕2号',
    '泸市监受理书〔2025〕0号',
    '泸市监受理书〔25〕1号',
    '',
    '受理书1号',
  ])('returns null for %j', (text) => {
    expect(parseNoticeNumber(text)).toBeNull();
  });
});
