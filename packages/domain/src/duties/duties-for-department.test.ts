import { describe, expect, it } from 'vitest';
import {
  departmentsForArticle,
  dutiesForDepartment,
  dutyAssignments,
} from './duties-for-department.ts';
import { sectorDepartment } from './sector-departments.ts';

const seqsOf = (name: string) => dutiesForDepartment(name).map((d) => d.article.seq);

describe('sectorDepartment', () => {
  it.each([
    ['公安', '泸州市公安局'],
    ['城管执法', '泸州市综合行政执法局'],
    ['住房城乡建设', '泸州市住房和城乡建设局'],
    ['教育体育', '泸州市教育和体育局'],
    ['文广旅', '泸州市文化广电旅游局'],
    ['市场监管部门', '泸州市市场监督管理局'],
    ['海关', '中华人民共和国泸州海关'],
    ['海事', '中华人民共和国泸州海事局'],
    ['自然资源规划和规划', '泸州市自然资源和规划局'],
  ])('maps %s to %s', (sector, body) => {
    expect(sectorDepartment(sector)).toBe(body);
  });
  it('returns null for a sector the table does not use', () => {
    expect(sectorDepartment('民用航空')).toBeNull();
  });
});

describe('dutiesForDepartment', () => {
  it('gives 城管执法 (市综合行政执法局) articles 1, 4–8 and 10–13', () => {
    expect(seqsOf('市综合行政执法局')).toEqual([1, 4, 5, 6, 7, 8, 10, 11, 12, 13]);
  });
  it('gives 公安 articles 1, 4, 9, 11, 12', () => {
    expect(seqsOf('泸州市公安局')).toEqual([1, 4, 9, 11, 12]);
  });
  it('resolves any alias: 市住房城乡建设局 and 泸州市住房和城乡建设局网站 get 1–4', () => {
    expect(seqsOf('市住房城乡建设局')).toEqual([1, 2, 3, 4]);
    expect(seqsOf('泸州市住房和城乡建设局网站')).toEqual([1, 2, 3, 4]);
  });
  it('gives 交通运输 every article it is named in', () => {
    expect(seqsOf('市交通运输局')).toEqual([1, 2, 3, 5, 7, 8, 9, 10]);
  });
  it('marks 教育体育 as lead of article 1 and the others as supporting', () => {
    expect(dutiesForDepartment('市教育体育局').map((d) => [d.article.seq, d.role])).toEqual([
      [1, '牵头'],
      [4, null],
    ]);
    expect(dutiesForDepartment('市生态环境局').map((d) => [d.article.seq, d.role])).toEqual([
      [1, '配合'],
    ]);
  });
  it('gives 市场监管 articles 5 and 13, 海关 only 5, 水务 7 and 8, 自然资源和规划 6', () => {
    expect(seqsOf('市市场监管局')).toEqual([5, 13]);
    expect(seqsOf('泸州海关')).toEqual([5]);
    expect(seqsOf('市水务局')).toEqual([7, 8]);
    expect(seqsOf('市自然资源和规划局')).toEqual([6]);
  });
  it('returns nothing for a body with no duty', () => {
    expect(dutiesForDepartment('市统计局')).toEqual([]);
  });
  it('throws BAD_USER_INPUT naming department for an unknown body', () => {
    expect(() => dutiesForDepartment('噪声局')).toThrowError(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'department' }),
    );
  });
});

describe('dutyAssignments', () => {
  it('assigns every article at least one body and repeats no (article, body) pair', () => {
    const all = dutyAssignments();
    for (let seq = 1; seq <= 13; seq++) expect(all.some((a) => a.seq === seq)).toBe(true);
    const keys = all.map((a) => `${a.seq}|${a.organization}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('lists article 6 as 城管执法 within planned areas and 自然资源和规划 elsewhere', () => {
    expect(departmentsForArticle(6).map((a) => [a.organization, a.role])).toEqual([
      ['泸州市综合行政执法局', '城镇规划区内'],
      ['泸州市自然资源和规划局', '其他区域'],
    ]);
  });
  it('rejects an article number outside the table', () => {
    expect(() => departmentsForArticle(14)).toThrowError(expect.objectContaining({ field: 'seq' }));
  });
  it('fails loudly on a sector it cannot map', () => {
    expect(() =>
      dutyAssignments([
        {
          seq: 1,
          article: '第一条',
          lawText: 'x',
          duty: '民用航空',
          responsible: [{ sector: '民用航空', role: null }],
        },
      ]),
    ).toThrowError(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
