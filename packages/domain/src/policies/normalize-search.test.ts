import { describe, expect, it } from 'vitest';
import { matchesPolicySearch, normalizeSearchText } from './normalize-search.ts';

const policy = {
  docNo: '泸市自然资规函〔2024〕425号',
  title: '泸州市人民政府关于印发《泸州市国土空间总体规划(2021—2035年)》的通知',
};

describe('policy search', () => {
  it.each(['[2024]425', '［2024］425', '【2024】425', '〔2024〕425', ' 425 号'])(
    'finds the number written %s',
    (q) => {
      expect(matchesPolicySearch(policy, q)).toBe(true);
    },
  );
  it('finds title words whatever the bracket and dash forms', () => {
    expect(matchesPolicySearch(policy, '国土空间总体规划（2021-2035年）')).toBe(true);
    expect(matchesPolicySearch(policy, '国土 空间')).toBe(true);
  });
  it('does not find what is not there', () => {
    expect(matchesPolicySearch(policy, '噪声')).toBe(false);
    expect(matchesPolicySearch(policy, '〔2023〕425')).toBe(false);
  });
  it('matches everything on an empty query', () => {
    expect(matchesPolicySearch(policy, '   ')).toBe(true);
    expect(matchesPolicySearch(policy, null)).toBe(true);
  });
  it('makes full-width letters and digits half-width and lower-cases them', () => {
    expect(normalizeSearchText('ＡＢＣ１２３')).toBe('abc123');
  });
});
