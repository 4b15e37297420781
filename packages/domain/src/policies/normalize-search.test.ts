import { describe, expect, it } from 'vitest';
import { normalizeSearchText } from './normalize-search.ts';

const matches = (text: string, query: string) =>
  normalizeSearchText(text).includes(normalizeSearchText(query));

describe('normalizeSearchText', () => {
  it.each(['[2024]425', '［2024］425', '【2024】425', '〔2024〕425', ' 425 号'])(
    'makes %s find 泸市自然资规函〔2024〕425号',
    (q) => {
      expect(matches('泸市自然资规函〔2024〕425号', q)).toBe(true);
    },
  );
  it('finds title words whatever the bracket, dash and space forms', () => {
    const title = '泸州市人民政府关于印发《泸州市国土空间总体规划(2021—2035年)》的通知';
    expect(matches(title, '国土空间总体规划（2021-2035年）')).toBe(true);
    expect(matches(title, '国土 空间')).toBe(true);
    expect(matches(title, '噪声')).toBe(false);
  });
  it('keeps the year in a number apart', () => {
    expect(matches('泸市自然资规函〔2024〕425号', '〔2023〕425')).toBe(false);
  });
  it('makes full-width letters and digits half-width and lower-cases them', () => {
    expect(normalizeSearchText('ＡＢＣ１２３')).toBe('abc123');
  });
});
