import { describe, expect, it } from 'vitest';
import { classifyCategory } from './classify-category.ts';

describe('classifyCategory', () => {
  it.each([
    ['泸市府规〔2024〕4号', 'MUNICIPAL_GOVERNMENT'],
    ['泸市府发[2024]12号', 'MUNICIPAL_GOVERNMENT'],
    ['泸市府函〔2024〕270号', 'MUNICIPAL_GOVERNMENT'],
    ['泸市府办发〔2024〕46号', 'GOVERNMENT_OFFICE'],
    ['泸市府室发[2024]34号', 'GOVERNMENT_OFFICE'],
    ['泸市自然资规函〔2024〕425号', 'DEPARTMENT'],
    ['泸市监规发 [2024] 2号', 'DEPARTMENT'],
    ['泸市医保规〔2024〕4号', 'DEPARTMENT'],
  ])('puts %s under %s as the 目录 does', (docNo, category) => {
    expect(classifyCategory({ docNo })).toBe(category);
  });
  it('decides from the issuers when there is no city number', () => {
    expect(classifyCategory({ issuers: ['泸州市人民政府'] })).toBe('MUNICIPAL_GOVERNMENT');
    expect(classifyCategory({ issuers: ['泸州市人民政府办公室'] })).toBe('GOVERNMENT_OFFICE');
    expect(
      classifyCategory({
        issuers: ['泸州市自然资源和规划局', '泸州市财政局', '国家税务总局泸州市税务局'],
      }),
    ).toBe('DEPARTMENT');
  });
  it('lets a city number win over issuers', () => {
    expect(classifyCategory({ docNo: '泸市府办发〔2024〕47号', issuers: ['泸州市人民政府'] })).toBe(
      'GOVERNMENT_OFFICE',
    );
  });
  it('reports null when nothing decides (a provincial number, no issuers)', () => {
    expect(classifyCategory({ docNo: '川医保规〔2024〕8号' })).toBeNull();
    expect(classifyCategory({})).toBeNull();
  });
});
