import { describe, expect, it } from 'vitest';
import { complianceSummary } from './compliance-summary.ts';
import { organizationCompliance } from './organization-compliance.ts';
import { rectificationProgress } from './rectification-progress.ts';
import { ROUND_2024Q4 } from './round-2024q4.ts';

describe('complianceSummary of 2024Q4 (泸市府室发〔2024〕34号)', () => {
  const s = complianceSummary(ROUND_2024Q4);
  it('has exactly the contract fields', () => {
    expect(Object.keys(s).sort()).toEqual(
      [
        'quarter',
        'websitesChecked',
        'websitesWithIssues',
        'websiteIssues',
        'websiteIssuesRectified',
        'newMediaAccountsChecked',
        'newMediaAccountsWithIssues',
        'messagesReceived',
        'messagesClosed',
        'baseDataMissing',
        'processDataMissing',
      ].sort(),
    );
  });
  it('checked 46 websites (1 + 7 + 38), 13 with issues, 15 issues, all 15 rectified', () => {
    expect(s).toMatchObject({
      quarter: '2024Q4',
      websitesChecked: 46,
      websitesWithIssues: 13,
      websiteIssues: 15,
      websiteIssuesRectified: 15,
    });
  });
  it('checked 208 new-media accounts, 8 with issues', () => {
    expect(s.newMediaAccountsChecked).toBe(208);
    expect(s.newMediaAccountsWithIssues).toBe(8);
  });
  it('received 3 messages and closed 3, none overdue', () => {
    expect([s.messagesReceived, s.messagesClosed, ROUND_2024Q4.messagesOverdue]).toEqual([3, 3, 0]);
  });
  it('lists 3 bodies behind on 2023 base data and 12 on 2024 process data, in printed order', () => {
    expect(s.baseDataMissing).toEqual([
      '泸州市经济和信息化局',
      '泸州市文化广电旅游局',
      '泸州市统计局',
    ]);
    expect(s.processDataMissing).toHaveLength(12);
    expect(s.processDataMissing[0]).toBe('泸州市经济和信息化局');
    expect(s.processDataMissing[11]).toBe('泸州市经济合作外事局');
    expect(new Set(s.processDataMissing).size).toBe(12);
  });
});

describe('the 2024Q4 data', () => {
  it('splits the two-finding cells of 附件1 (sites 3 and 6)', () => {
    const site = (n: number) => ROUND_2024Q4.websiteFindings.filter((f) => f.siteSeq === n);
    expect(site(3).map((f) => f.description)).toEqual([
      '《区县动态》超期未更新',
      '《重要文件通知》超期未更新',
    ]);
    expect(site(6).map((f) => f.position)).toEqual([0, 1]);
  });
  it('records the 8 accounts with platform and owner', () => {
    const rows = ROUND_2024Q4.newMediaFindings.map((f) => [
      f.account,
      f.platform,
      f.organizationId,
    ]);
    expect(rows).toContainEqual(['平安江阳', '微博', '泸州市江阳区人民政府']);
    expect(rows).toContainEqual([
      '自贸试验区川南临港片区',
      '微信',
      '中国(四川)自由贸易试验区川南临港片区管理委员会',
    ]);
    expect(rows.filter((r) => r[1] === '微博')).toHaveLength(2);
    expect(rows.filter((r) => r[1] === '微信')).toHaveLength(6);
  });
  it('rates 6 bodies good and 4 at zero adoptions', () => {
    const by = (r: string) =>
      ROUND_2024Q4.adoptions.filter((a) => a.rating === r).map((a) => a.organizationId);
    expect(by('GOOD')).toEqual([
      '古蔺县人民政府',
      '泸县人民政府',
      '合江县人民政府',
      '泸州市自然资源和规划局',
      '泸州市住房和城乡建设局',
      '泸州市市场监督管理局',
    ]);
    expect(by('ZERO')).toEqual([
      '中国·四川泸州长江经济开发区',
      '泸州市公安局',
      '泸州市信访局',
      '泸州市酒业发展局',
    ]);
  });
});

describe('organizationCompliance', () => {
  it('gives 泸州市经济和信息化局 two rectified website issues and both data gaps', () => {
    const c = organizationCompliance(ROUND_2024Q4, '泸州市经济和信息化局');
    expect(c.websiteIssues.map((f) => [f.description, f.rectified])).toEqual([
      ['《区县动态》超期未更新', true],
      ['《重要文件通知》超期未更新', true],
    ]);
    expect(c.newMediaIssues).toEqual([]);
    expect([c.baseDataMissing, c.processDataMissing]).toEqual([true, true]);
  });
  it('gives 泸州市水务局 a new-media issue and process data only', () => {
    const c = organizationCompliance(ROUND_2024Q4, '泸州市水务局');
    expect(c.websiteIssues).toEqual([]);
    expect(c.newMediaIssues.map((f) => [f.account, f.description])).toEqual([
      ['泸州水务发布', '严重表述错误'],
    ]);
    expect([c.baseDataMissing, c.processDataMissing]).toEqual([false, true]);
  });
  it('gives 长开区 its site issue and a zero adoption', () => {
    const c = organizationCompliance(ROUND_2024Q4, '中国·四川泸州长江经济开发区');
    expect(c.websiteIssues.map((f) => f.description)).toEqual(['《问卷调查》没有调查结果']);
    expect(c.adoption).toBe('ZERO');
  });
  it('is empty for a body with no findings', () => {
    const c = organizationCompliance(ROUND_2024Q4, '泸州市司法局');
    expect(c).toMatchObject({
      websiteIssues: [],
      newMediaIssues: [],
      baseDataMissing: false,
      processDataMissing: false,
      adoption: null,
    });
  });
});

describe('rectificationProgress', () => {
  it('counts 15 of 15 website issues and 0 of 8 new-media issues rectified in 2024Q4', () => {
    expect(rectificationProgress(ROUND_2024Q4)).toEqual({
      quarter: '2024Q4',
      total: 23,
      rectified: 15,
      outstanding: 8,
      ratio: 15 / 23,
      website: { total: 15, rectified: 15 },
      newMedia: { total: 8, rectified: 0 },
    });
  });
  it('is complete when there is nothing to rectify', () => {
    const empty = { ...ROUND_2024Q4, websiteFindings: [], newMediaFindings: [] };
    expect(rectificationProgress(empty)).toMatchObject({ total: 0, outstanding: 0, ratio: 1 });
  });
});
