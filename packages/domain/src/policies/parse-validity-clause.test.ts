import { describe, expect, it } from 'vitest';
import { findValidityClause, parseValidityClause } from './parse-validity-clause.ts';
import { parseSmallNumber } from './chinese-number.ts';

describe('parseValidityClause', () => {
  it('reads 有效期五年 from a dated clause: last day is the day before the fifth anniversary', () => {
    // 泸市府规〔2024〕4号
    expect(parseValidityClause('本通知自2025年1月6日起施行,有效期五年。', '2024-12-04')).toEqual({
      effectiveFrom: '2025-01-06',
      expiresOn: '2030-01-05',
      isTrial: false,
    });
  });
  it('reads 试行期两年 as a trial ending 2026-10-31', () => {
    // 泸市医保规〔2024〕4号 五
    expect(parseValidityClause('本通知自2024年11月1日起施行,试行期两年。', '2024-10-29')).toEqual({
      effectiveFrom: '2024-11-01',
      expiresOn: '2026-10-31',
      isTrial: true,
    });
  });
  it('starts 自印发之日起施行 on the signing date and counts Arabic 2年 from it', () => {
    // 泸市监规发〔2024〕2号 第二十二条
    expect(parseValidityClause('本指导意见自印发之日起施行,有效期2年。', '2024-12-19')).toEqual({
      effectiveFrom: '2024-12-19',
      expiresOn: '2026-12-18',
      isTrial: false,
    });
  });
  it('reads Arabic 有效期5年 (泸市自然资规函〔2024〕425号)', () => {
    const v = parseValidityClause('(五)本通知自2025年1月8日起施行,有效期5年。', '2024-12-10');
    expect(v.expiresOn).toBe('2030-01-07');
  });
  it('falls back to the signing date with no limit when the text has no clause', () => {
    expect(parseValidityClause('', '2024-12-10')).toEqual({
      effectiveFrom: '2024-12-10',
      expiresOn: null,
      isTrial: false,
    });
  });
  it('gives no expiry for a dated clause without a period', () => {
    expect(parseValidityClause('本办法自2025年3月1日起施行。', '2025-01-01')).toEqual({
      effectiveFrom: '2025-03-01',
      expiresOn: null,
      isTrial: false,
    });
  });
  it.each([
    ['一', '2026-01-31'],
    ['两', '2027-01-31'],
    ['三', '2028-01-31'],
    ['十', '2035-01-31'],
    ['3', '2028-01-31'],
    ['３', '2028-01-31'],
  ])('reads 有效期%s年 from 2025-02-01', (n, last) => {
    expect(parseValidityClause(`自2025年2月1日起施行,有效期${n}年`, '2025-01-01').expiresOn).toBe(
      last,
    );
  });
  it('reads 有效期为… and months', () => {
    expect(parseValidityClause('自2025年1月1日起施行,有效期为6个月', '2024-12-01').expiresOn).toBe(
      '2025-06-30',
    );
  });
  it('reads an explicit 有效期至 date as the last day', () => {
    expect(
      parseValidityClause('自2025年1月1日起施行,有效期至2027年12月31日。', '2024-12-01').expiresOn,
    ).toBe('2027-12-31');
  });
  it('ignores OCR spaces and line breaks inside the clause', () => {
    const v = parseValidityClause(
      '本通知自 2025 年 1 月\n6 日起施行, 有效期 五 年。',
      '2024-12-04',
    );
    expect(v).toMatchObject({ effectiveFrom: '2025-01-06', expiresOn: '2030-01-05' });
  });
  it('ends a period at month end when the anniversary eve does not exist', () => {
    // 2024-03-01 + 五年: the eve 2024-02-29 has no 2029 counterpart, so the last day is 02-28.
    expect(parseValidityClause('自2024年3月1日起施行,有效期五年', '2024-02-01').expiresOn).toBe(
      '2029-02-28',
    );
    // 2025-03-31 + 1个月 ends 2025-04-30, not 04-29.
    expect(parseValidityClause('自2025年3月31日起施行,有效期1个月', '2025-03-01').expiresOn).toBe(
      '2025-04-30',
    );
  });
  it('marks a (试行) title as a trial even without a 试行期', () => {
    expect(
      parseValidityClause('指导意见(试行) 自印发之日起施行,有效期2年', '2024-12-19').isTrial,
    ).toBe(true);
  });
  it('rejects an impossible date, naming the text', () => {
    expect(() => parseValidityClause('自2025年2月30日起施行', '2025-01-01')).toThrowError(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'text' }),
    );
  });
  it('rejects a bad signing date, naming signedOn', () => {
    expect(() => parseValidityClause('', '2024-13-01')).toThrowError(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'signedOn' }),
    );
  });
});

describe('findValidityClause', () => {
  it('finds the clause of 泸市府规〔2024〕4号 at the end of its text', () => {
    expect(
      findValidityClause(
        '……营造良好的社会环境。\n\n本通知自2025年1月6日起施行,有效期五年。\n\n泸州市人民政府',
      ),
    ).toBe('本通知自2025年1月6日起施行,有效期五年。');
  });
  it('drops the list marker (五) and the article heading', () => {
    expect(
      findValidityClause(
        '(四)各区县可参照执行。\n\n(五)本通知自2025年1月8日起施行,有效期5年。有效期内,如遇…',
      ),
    ).toBe('本通知自2025年1月8日起施行,有效期5年。');
    expect(findValidityClause('**第二十二条** 本指导意见自印发之日起施行,有效期2年。')).toBe(
      '本指导意见自印发之日起施行,有效期2年。',
    );
  });
  it('returns null for a text without one', () => {
    expect(findValidityClause('现印发你们,请结合实际组织实施。')).toBeNull();
  });
});

describe('parseSmallNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['12', 12],
  ])('reads %s as %i', (text, n) => {
    expect(parseSmallNumber(text)).toBe(n);
  });
  it.each(['', '十十', '百', 'abc', '零十'])('rejects %j', (text) => {
    expect(parseSmallNumber(text)).toBeNull();
  });
});
