import { describe, expect, it } from 'vitest';
import { lineText, readEdited, reading, tableOf } from '../testing/issue.ts';
import { quarterOf, readWindow } from './inspection.ts';

const round = () => tableOf(reading(), 'INSPECTION');

describe('the 2024Q4 inspection of 泸市府室发〔2024〕34号', () => {
  it('names the quarter from the title and the window from the annex note', () => {
    expect(round()).toMatchObject({
      quarter: '2024Q4',
      policyDocNo: '泸市府室发〔2024〕34号',
      windowStart: '2024-10-01',
      windowEnd: '2024-12-01',
    });
  });

  it('counts 46 websites as 1 city portal + 7 district portals + 38 department sites', () => {
    expect(round().websites).toEqual({
      cityPortals: 1,
      districtPortals: 7,
      departmentSites: 38,
      total: 46,
    });
  });

  it('counts 208 accounts of 7 districts/counties, 6 parks and 31 departments', () => {
    expect(round().newMedia).toEqual({ accounts: 208, districts: 7, parks: 6, departments: 31 });
  });

  it('names the line of the headline figures', () => {
    expect(round().line).toBe(652);
  });

  it('reads 3 messages received and 3 closed across the OCR paragraph break, none overdue', () => {
    expect(round().messages).toEqual({ received: 3, closed: 3, overdue: 0 });
  });

  it('lists the bodies with good information adoption and those with zero', () => {
    const by = (rating: string) =>
      round()
        .adoptions.filter((a) => a.rating === rating)
        .map((a) => a.organization);
    expect(by('GOOD')).toEqual([
      '古蔺县',
      '泸县',
      '合江县',
      '市自然资源和规划局',
      '市住房城乡建设局',
      '市市场监管局',
    ]);
    expect(by('ZERO')).toEqual(['长开区', '市公安局', '市信访局', '市酒业发展局']);
    expect(
      round()
        .adoptions.filter((a) => a.rating === 'ZERO')
        .map((a) => a.position),
    ).toEqual([0, 1, 2, 3]);
    expect(new Set(round().adoptions.map((a) => a.line))).toEqual(new Set([658]));
  });

  it('names the line of an adoption list broken over two lines', () => {
    const text = lineText(658);
    const at = text.indexOf('市住房城乡建设局');
    const r = readEdited({ 658: `${text.slice(0, at)}\n\n${text.slice(at)}` });
    const lines = tableOf(r, 'INSPECTION').adoptions.map((a) => [a.organization, a.line]);
    expect(lines).toContainEqual(['市自然资源和规划局', 658]);
    expect(lines).toContainEqual(['市住房城乡建设局', 660]);
    expect(lines).toContainEqual(['市酒业发展局', 660]);
  });

  it('reads annex 1: 13 sites with 15 findings, all 整改完成', () => {
    const findings = round().websiteFindings;
    expect(new Set(findings.map((f) => f.siteSeq)).size).toBe(13);
    expect(findings).toHaveLength(15);
    expect(findings.every((f) => f.rectified && f.status === '整改完成')).toBe(true);
    expect(findings[0]!.line).toBe(697);
    expect(findings.filter((f) => f.siteSeq === 3).map((f) => f.line)).toEqual([699, 699]);
    expect(findings.at(-1)!.line).toBe(709);
  });

  it('splits a cell holding two findings', () => {
    const site3 = round().websiteFindings.filter((f) => f.siteSeq === 3);
    expect(site3.map((f) => [f.position, f.description])).toEqual([
      [0, '《区县动态》超期未更新'],
      [1, '《重要文件通知》超期未更新'],
    ]);
  });

  it('joins site names split by OCR', () => {
    const names = round().websiteFindings.map((f) => f.siteName);
    expect(names).toContain('中国·四川泸州长江经济开发区网站');
    expect(names).toContain('泸州市住房和城乡建设局网站');
  });

  it('reads annex 2: 8 accounts, owners joined across their line breaks', () => {
    const media = round().newMediaFindings;
    expect(media).toHaveLength(8);
    expect(media[2]).toEqual({
      seq: 3,
      account: '自贸试验区川南临港片区',
      owner: '中国(四川)自由贸易试验区川南临港片区管理委员会',
      platform: '微信',
      description: '严重表述错误',
      rectified: false,
      line: 718,
    });
    expect(media.map((m) => m.platform)).toEqual([
      '微信',
      '微信',
      '微信',
      '微信',
      '微信',
      '微信',
      '微博',
      '微博',
    ]);
  });

  it('reads annex 3: 3 bodies behind on 2023 base data and 12 on 2024 process data', () => {
    const [base, process] = round().dataCollectionGaps;
    expect(base).toEqual({
      kind: 'BASE',
      dataYear: 2023,
      organizations: ['市经济和信息化局', '市文化广电旅游局', '市统计局'],
      lines: [731, 731, 731],
    });
    expect(new Set(process!.lines)).toEqual(new Set([732]));
    expect(process!.lines).toHaveLength(process!.organizations.length);
    expect(process!.kind).toBe('PROCESS');
    expect(process!.dataYear).toBe(2024);
    expect(process!.organizations).toHaveLength(12);
    expect(process!.organizations).toContain('市退役军人事务局');
    expect(process!.organizations).toContain('市住房城乡建设局');
    expect(process!.organizations.every((n) => !/\s/u.test(n))).toBe(true);
  });
});

describe('inspection helpers', () => {
  it('names quarters written in Chinese or Arabic numerals', () => {
    expect(quarterOf('关于2024年第四季度政府网站…')).toBe('2024Q4');
    expect(quarterOf('关于2025年第1季度…')).toBe('2025Q1');
    expect(quarterOf('关于2025年上半年…')).toBeNull();
  });

  it('reads a window whose end omits the year, or spans a new year', () => {
    expect(readWindow('说明:检测时间为2024年10月1日至12月1日。')).toEqual({
      start: '2024-10-01',
      end: '2024-12-01',
    });
    expect(readWindow('检测时间为2024年12月1日至2025年3月1日')).toEqual({
      start: '2024-12-01',
      end: '2025-03-01',
    });
  });

  it('refuses a window with a date that is not on the calendar', () => {
    expect(readWindow('检测时间为2024年2月30日至3月1日')).toBeNull();
  });
});

describe('inspection defects the reader reports', () => {
  it('reports a rectification status it cannot read and does not count it as rectified', () => {
    const r = readEdited({ 705: lineText(705).replace('整改完成', '见附表') });
    const site = tableOf(r, 'INSPECTION').websiteFindings.find((f) => f.siteSeq === 9)!;
    expect(site.rectified).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 705, code: 'WEBSITE_STATUS' }),
    );
  });

  it('reports headline figures it cannot find', () => {
    const r = readEdited({ 654: '(二)政务新媒体检查情况。检查情况较好(见附件2)。' });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: 'INSPECTION_FIGURE_MISSING' }),
    );
  });

  it('reports a missing inspection window', () => {
    const r = readEdited({ 725: '说明:无。' });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'INSPECTION_WINDOW' }));
  });

  it('reports an annex 3 row it cannot classify', () => {
    const r = readEdited({ 731: lineText(731).replace('基础数据', '其他数据') });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line: 731, code: 'DATA_GAP_LABEL' }),
    );
  });
});
