// The second issue, fixtures/luzhou-2025-03.md: every value fixtures/README.md promises.
import { describe, expect, it } from 'vitest';
import { readGazetteIssue, type GazetteIssueReading } from './read-gazette-issue.ts';
import { fixtureIssuePath, garble, readFixtureIssue } from './testing/fixtures.ts';
import { reading as seedReading, tableOf } from './testing/issue.ts';

const TEXT = readFixtureIssue('luzhou-2025-03');
let cached: GazetteIssueReading | null = null;
const reading = () => (cached ??= readGazetteIssue(TEXT));
const doc = (docNo: string) => reading().documents.find((d) => d.docNo === docNo)!;
const lineNo = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('泸州市人民政府公报 2025年第3期 (fixtures/luzhou-2025-03.md)', () => {
  it('reads with zero problems', () => {
    expect(reading().problems).toEqual([]);
  });

  it('is issue 2025年第3期, 总第72期, printed 2025-03-31', () => {
    expect(reading().issue).toEqual({
      label: '2025年第3期',
      number: 3,
      year: 2025,
      serial: 72,
      printedOn: '2025-03-31',
    });
    expect(fixtureIssuePath('luzhou-2025-03')).toMatch(/fixtures\/luzhou-2025-03\.md$/u);
  });

  it('holds three documents with their categories, dates and validity', () => {
    expect(
      reading().documents.map((d) => [
        d.docNo,
        d.category,
        d.issuers.join('|'),
        d.signedOn,
        d.validityClause,
        d.effectiveFrom,
        d.expiresOn,
        d.isTrial,
        d.page,
      ]),
    ).toEqual([
      [
        '泸市府规〔2025〕1号',
        'MUNICIPAL_GOVERNMENT',
        '泸州市人民政府',
        '2025-03-10',
        '本办法自2025年4月10日起施行,有效期五年。',
        '2025-04-10',
        '2030-04-09',
        false,
        2,
      ],
      [
        '泸市府室发〔2025〕5号',
        'GOVERNMENT_OFFICE',
        '泸州市人民政府办公室',
        '2025-03-25',
        null,
        '2025-03-25',
        null,
        false,
        6,
      ],
      [
        '泸市医保规〔2025〕1号',
        'DEPARTMENT',
        '泸州市医疗保障局',
        '2025-03-20',
        '本通知自2025年4月1日起施行,有效期五年。',
        '2025-04-01',
        '2030-03-31',
        false,
        10,
      ],
    ]);
    expect(reading().documents.map((d) => d.title)).toEqual([
      '泸州市人民政府关于印发《泸州市政务新媒体管理办法》的通知',
      '泸州市人民政府办公室关于2025年第一季度政府网站和政府系统政务新媒体检查情况的通报',
      '泸州市医疗保障局关于调整取卵术等医疗服务项目价格的通知',
    ]);
  });

  it('splits the 办法 into 第一条…第六条', () => {
    const articles = doc('泸市府规〔2025〕1号').articles;
    expect(articles.map((a) => a.path)).toEqual([
      '第一条',
      '第二条',
      '第三条',
      '第四条',
      '第五条',
      '第六条',
    ]);
    expect(articles[3]!.text).toContain('1个工作日内更正,并在\n更正信息中说明。');
    expect(articles[4]!.text).toContain('(一)超过2周未更新的;');
    expect(articles[5]!.text).toBe('第六条 本办法自2025年4月10日起施行,有效期五年。');
  });

  it('reads the repeal of 泸市医保规〔2024〕4号, and no repeal from the basis it cites', () => {
    expect(reading().documents.flatMap((d) => d.repeals)).toEqual([
      {
        docNo: '泸市医保规〔2024〕4号',
        kind: 'REPEAL',
        line: lineNo('同时废止'),
        clause:
          '《泸州市医疗保障局关于公布取卵术等医疗服务项目价格的通知》(泸市医保规〔2024〕4号)同时废止。',
      },
    ]);
    expect(doc('泸市医保规〔2025〕1号').articles.map((a) => a.path)).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
    ]);
  });

  it('re-issues the 17 items of 泸市医保规〔2024〕4号 with three changes', () => {
    const before = tableOf(seedReading(), 'MEDICAL_SERVICE_PRICE');
    const after = tableOf(reading(), 'MEDICAL_SERVICE_PRICE');
    expect(after).toMatchObject({
      name: '泸州市公立医疗机构取卵术等医疗服务项目价格表',
      policyDocNo: '泸市医保规〔2025〕1号',
      effectiveFrom: '2025-04-01',
      effectiveTo: '2030-03-31',
      isTrial: false,
    });
    expect(after.items.map((i) => i.code)).toEqual(before.items.map((i) => i.code));
    const changes: string[] = [];
    for (const item of after.items) {
      const old = before.items.find((i) => i.code === item.code)!;
      for (const [grade, value] of Object.entries(item.values)) {
        const was = old.values[grade as keyof typeof old.values];
        if (value !== was) changes.push(`${item.code} ${grade} ${was}→${value}`);
      }
      for (const [grade, cap] of Object.entries(item.extraUnit?.caps ?? {})) {
        const was = old.extraUnit?.caps[grade as keyof typeof old.values];
        if (cap !== was) changes.push(`${item.code} cap ${grade} ${was}→${cap}`);
      }
      const { values: _v, extraUnit: _e, line: _l, ...rest } = item;
      const { values: _ov, extraUnit: _oe, line: _ol, ...oldRest } = old;
      // The notes of 311201079 print the caps.
      expect(rest, item.code).toEqual({
        ...oldRest,
        notes: oldRest.notes?.replace('4223', '4300') ?? null,
      });
    }
    expect(changes).toEqual([
      '311201069 TERTIARY_A 1769→1800',
      '311201069 TERTIARY_B 1621→1650',
      '311201069 SECONDARY_A 1474→1500',
      '311201069 SECONDARY_B 1327→1350',
      '311201069 BELOW_SECONDARY_B 1179→1200',
      '311201077-1 TERTIARY_A 598→620',
      '311201079 cap TERTIARY_A 4223→4300',
    ]);
  });

  it('reads the 2025Q1 inspection: headline figures, window and adoptions', () => {
    const round = tableOf(reading(), 'INSPECTION');
    expect(round).toMatchObject({
      quarter: '2025Q1',
      policyDocNo: '泸市府室发〔2025〕5号',
      windowStart: '2025-01-01',
      windowEnd: '2025-03-01',
      websites: { cityPortals: 1, districtPortals: 7, departmentSites: 37, total: 45 },
      newMedia: { accounts: 205, districts: 7, parks: 6, departments: 30 },
      messages: { received: 5, closed: 5, overdue: 0 },
      line: lineNo('37个市级部门网站'),
    });
    expect(round.adoptions.map((a) => `${a.rating} ${a.position} ${a.organization}`)).toEqual([
      'GOOD 0 泸县',
      'GOOD 1 江阳区',
      'GOOD 2 市市场监管局',
      'GOOD 3 市自然资源和规划局',
      'ZERO 0 长开区',
      'ZERO 1 市信访局',
    ]);
  });

  it('reads the 2025Q1 findings, overlapping 2024Q4', () => {
    const round = tableOf(reading(), 'INSPECTION');
    expect(
      round.websiteFindings.map(
        (f) => `${f.siteSeq} ${f.siteName} ${f.position} ${f.description} ${f.rectified}`,
      ),
    ).toEqual([
      '1 泸州市民政局网站 0 《部门信箱》超期未回复 true',
      '2 泸州市司法局网站 0 《政策解读》超期未更新 true',
      '3 泸州市统计局网站 0 《统计数据》超期未更新 true',
      '3 泸州市统计局网站 1 《政策文件》超期未更新 true',
      '4 泸州市林业和竹业局网站 0 《部门动态》超期未更新 false',
    ]);
    expect(round.websiteFindings[4]!.status).toBe('未整改');
    expect(
      round.newMediaFindings.map(
        (m) => `${m.seq} ${m.account} ${m.owner} ${m.platform} ${m.description}`,
      ),
    ).toEqual([
      '1 文旅泸州 市文化广电旅游局 微信 严重表述错误',
      '2 泸州农业 市农业农村局 微信 严重表述错误',
      '3 古蔺发布 古蔺县 微博 超期未更新',
    ]);
    expect(round.dataCollectionGaps.map((g) => [g.kind, g.dataYear, g.organizations])).toEqual([
      ['BASE', 2024, ['市统计局', '市文化广电旅游局']],
      ['PROCESS', 2025, ['市经济和信息化局', '市财政局', '市退役军人事务局', '市水务局']],
    ]);
    const seedSites = tableOf(seedReading(), 'INSPECTION').websiteFindings.map((f) => f.siteName);
    expect(
      round.websiteFindings.map((f) => f.siteName).filter((n) => seedSites.includes(n)),
    ).toEqual([
      '泸州市民政局网站',
      '泸州市统计局网站',
      '泸州市统计局网站',
      '泸州市林业和竹业局网站',
    ]);
  });

  it('holds no rehabilitation standards', () => {
    expect(
      reading()
        .tables.map((t) => t.kind)
        .sort(),
    ).toEqual(['INSPECTION', 'MEDICAL_SERVICE_PRICE']);
  });
});

describe('a damaged copy of 2025年第3期', () => {
  it('names the exact line of one garbled price cell', () => {
    const { text, line, after } = garble(TEXT, '1800', { at: '311201069', replace: 'l8O0' });
    expect(after).toContain('\tl8O0\t1650\t');
    expect(line).toBe(lineNo('\t311201069\t'));
    const r = readGazetteIssue(text);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ line, code: 'MEDICAL_PRICE_UNREADABLE' }),
    );
    // The row is left out, so the table holds 16 of the 17 items the notice announces.
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [lineNo('序号\t编码'), 'MEDICAL_ITEM_COUNT'],
      [line, 'MEDICAL_PRICE_UNREADABLE'],
    ]);
    expect(readGazetteIssue(TEXT).problems).toEqual([]);
  });

  it('confuses one character by default and only ever touches a whole cell', () => {
    const { after } = garble(TEXT, '1200', { at: '311201069' });
    expect(after).toContain('\t1350\tl200');
    expect(() => garble(TEXT, '180', { at: '311201069' })).toThrow(/no cell/u);
    expect(readGazetteIssue(garble(TEXT, '1650').text).problems).not.toEqual([]);
  });
});
