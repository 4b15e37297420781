// What the committed issue 2024年第12期 reads as, field by field, stated directly (the values
// are the printed ones; line numbers refer to prisma/issues/2024-12.md).
import { describe, expect, it } from 'vitest';
import { reading, tableOf } from './testing/issue.ts';

describe('the documents of 2024年第12期', () => {
  it('reads every field of the 9 documents', () => {
    const policies = reading().documents.map((d) => [
      d.docNo,
      d.category,
      d.issuers.join('|'),
      d.signedOn,
      d.validityClause,
      d.effectiveFrom,
      d.expiresOn,
      d.isTrial,
      d.page,
    ]);
    expect(policies).toEqual([
      [
        '泸市府规〔2024〕4号',
        'MUNICIPAL_GOVERNMENT',
        '泸州市人民政府',
        '2024-12-04',
        '本通知自2025年1月6日起施行,有效期五年。',
        '2025-01-06',
        '2030-01-05',
        false,
        2,
      ],
      [
        '泸市府发〔2024〕12号',
        'MUNICIPAL_GOVERNMENT',
        '泸州市人民政府',
        '2024-12-10',
        null,
        '2024-12-10',
        null,
        false,
        5,
      ],
      [
        '泸市府函〔2024〕270号',
        'MUNICIPAL_GOVERNMENT',
        '泸州市人民政府',
        '2024-12-17',
        null,
        '2024-12-17',
        null,
        false,
        6,
      ],
      [
        '泸市府办发〔2024〕46号',
        'GOVERNMENT_OFFICE',
        '泸州市人民政府办公室',
        '2024-12-19',
        null,
        '2024-12-19',
        null,
        false,
        18,
      ],
      [
        '泸市府办发〔2024〕47号',
        'GOVERNMENT_OFFICE',
        '泸州市人民政府办公室',
        '2024-12-19',
        null,
        '2024-12-19',
        null,
        false,
        24,
      ],
      [
        '泸市府室发〔2024〕34号',
        'GOVERNMENT_OFFICE',
        '泸州市人民政府办公室',
        '2024-12-09',
        null,
        '2024-12-09',
        null,
        false,
        31,
      ],
      [
        '泸市自然资规函〔2024〕425号',
        'DEPARTMENT',
        '泸州市自然资源和规划局|泸州市财政局|国家税务总局泸州市税务局',
        '2024-12-10',
        '本通知自2025年1月8日起施行,有效期5年。',
        '2025-01-08',
        '2030-01-07',
        false,
        35,
      ],
      [
        '泸市监规发〔2024〕2号',
        'DEPARTMENT',
        '泸州市市场监督管理局',
        '2024-12-19',
        '本指导意见自印发之日起施行,有效期2年。',
        '2024-12-19',
        '2026-12-18',
        true,
        38,
      ],
      [
        '泸市医保规〔2024〕4号',
        'DEPARTMENT',
        '泸州市医疗保障局',
        '2024-10-29',
        '本通知自2024年11月1日起施行,试行期两年。',
        '2024-11-01',
        '2026-10-31',
        true,
        47,
      ],
    ]);
    expect(reading().documents.every((d) => d.issueLabel === '2024年第12期')).toBe(true);
  });
});

describe('the annex tables of 2024年第12期', () => {
  it('reads the 17 medical items as printed: code, name, unit and the five grade prices', () => {
    const items = tableOf(reading(), 'MEDICAL_SERVICE_PRICE').items.map((i) => [
      i.code,
      i.name,
      i.unit,
      Object.values(i.values).join(' '),
    ]);
    expect(items).toEqual([
      ['311201069', '取卵术', '次', '1769 1621 1474 1327 1179'],
      ['311201070', '胚胎培养', '次', '2959 2713 2466 2219 1972'],
      ['311201070-1', '胚胎培养-囊胚培养(加收)', '次', '0.39 0.39 0.39 0.39 0.39'],
      ['311201071', '组织/体细胞冷冻(辅助生殖)', '管·次', '1167 1070 973 876 778'],
      ['311201072', '组织/体细胞冷冻(辅助生殖)', '管·月', '22 20 18 16 14'],
      ['311201073', '胚胎移植', '次', '1358 1245 1132 1019 905'],
      ['311201073-1', '胚胎移植-冻融胚胎(加收)', '次', '0.68 0.68 0.68 0.68 0.68'],
      ['311201074', '未成熟卵体外培养', '次', '2027 1858 1689 1520 1351'],
      ['311201075', '胚胎辅助孵化', '次', '356 327 297 267 237'],
      ['311201076', '组织、细胞活检(辅助生殖)', '每个胚胎(卵)', '1159 1063 966 869 773'],
      ['311201077', '人工授精', '次', '598 548 498 448 399'],
      ['311201077-1', '阴道(宫颈)内人工授精', '次', '598 548 498 448 399'],
      ['311201078', '精子优选处理', '次', '582 534 485 437 388'],
      ['311100020', '取精术', '次', '503 461 419 377 335'],
      ['311100020-1', '取精术-显微镜下操作(加收)', '次', '2667 2444 2222 2000 1778'],
      ['311201079', '单精子注射', '卵·次', '918 842 765 689 612'],
      ['311201079-1', '单精子注射-卵子激活(加收)', '次', '660 605 550 495 440'],
    ]);
  });

  it('links every sub-item to its base; only the two percentages are surcharge rates', () => {
    const items = tableOf(reading(), 'MEDICAL_SERVICE_PRICE').items;
    for (const i of items) {
      expect(i.baseCode, i.code).toBe(i.code.includes('-') ? i.code.split('-')[0] : null);
    }
    expect(items.filter((i) => i.priceKind === 'SURCHARGE_RATE').map((i) => i.code)).toEqual([
      '311201070-1',
      '311201073-1',
    ]);
    expect(items.filter((i) => i.extraUnit).map((i) => i.code)).toEqual(['311201079']);
    expect(items.filter((i) => i.includedMonths).map((i) => [i.code, i.includedMonths])).toEqual([
      ['311201071', 2],
    ]);
  });

  it('reads the 21 land transfer standards', () => {
    const cells = tableOf(reading(), 'LAND_TRANSFER_FEE').entries.map(
      (e) => `${e.landUse} ${e.grade} ${e.frontage} ${e.amount}`,
    );
    expect(cells).toEqual([
      ...[
        [1, 1425, 475],
        [2, 935, 405],
        [3, 798, 293],
        [4, 678, 249],
        [5, 333, 167],
        [6, 300, 150],
        [7, 240, 104],
      ].flatMap(([grade, front, other]) => [
        `COMMERCIAL ${grade} STREET_FRONT_GROUND_FLOOR ${front}`,
        `COMMERCIAL ${grade} OTHER ${other}`,
      ]),
      ...[368, 333, 320, 287, 258, 220, 140].map((a, k) => `RESIDENTIAL ${k + 1} ANY ${a}`),
    ]);
  });

  it('reads the 13 noise-law duties with a plain-text law and duty each', () => {
    const duties = tableOf(reading(), 'NOISE_DUTIES').duties;
    expect(duties).toHaveLength(13);
    for (const d of duties) {
      expect(d.lawText, d.article).not.toMatch(/<|>|^\s|\s$/u);
      expect(d.duty, d.article).not.toMatch(/<|>|^\s|\s$/u);
    }
    expect(duties[0]!.lawText).toMatch(/^在举行中等学校招生考试/u);
    expect(duties[12]!.duty).toMatch(/由市场监管部门负责。$/u);
  });

  it('reads every website finding of annex 1', () => {
    const round = tableOf(reading(), 'INSPECTION');
    expect(round.websiteFindings.map((f) => `${f.siteSeq} ${f.siteName} ${f.description}`)).toEqual(
      [
        '1 中国·四川泸州长江经济开发区网站 《问卷调查》没有调查结果',
        '2 四川泸州白酒产业园区网站 《领导活动》未更新',
        '3 泸州市经济和信息化局网站 《区县动态》超期未更新',
        '3 泸州市经济和信息化局网站 《重要文件通知》超期未更新',
        '4 泸州市教育和体育局网站 《法制教育宣传》超期未更新',
        '5 泸州市科学技术局网站 《工业科技》超期未更新',
        '6 泸州市民政局网站 《部门信箱》要素不齐',
        '6 泸州市民政局网站 《重大民生栏目》超期未更新',
        '7 泸州市住房和城乡建设局网站 《部门信箱》超期未更新',
        '8 泸州市农业农村局网站 《部门信箱》要素不齐',
        '9 泸州市商务和会展局网站 《监督执法》超期未更新',
        '10 泸州市应急管理局网站 《部门动态》超期未更新',
        '11 泸州市审计局网站 《部门信箱》超期未回复',
        '12 泸州市统计局网站 《政策文件》超期未更新',
        '13 泸州市林业和竹业局网站 《政策文件》超期未更新',
      ],
    );
  });

  it('reads every account of annex 2 and every body of annex 3', () => {
    const round = tableOf(reading(), 'INSPECTION');
    expect(round.newMediaFindings.map((m) => `${m.account} ${m.owner}`)).toEqual([
      '法治泸县 泸县',
      '泸州农业 市农业农村局',
      '自贸试验区川南临港片区 中国(四川)自由贸易试验区川南临港片区管理委员会',
      '泸州退役军人 市退役军人事务局',
      '泸州水务发布 市水务局',
      '文旅泸州 市文化广电旅游局',
      '平安合江 合江县',
      '平安江阳 江阳区',
    ]);
    expect(round.dataCollectionGaps.map((g) => g.organizations)).toEqual([
      ['市经济和信息化局', '市文化广电旅游局', '市统计局'],
      [
        '市经济和信息化局',
        '市教育体育局',
        '市财政局',
        '市生态环境局',
        '市住房城乡建设局',
        '市水务局',
        '市商务会展局',
        '市文化广电旅游局',
        '市退役军人事务局',
        '市市场监管局',
        '市统计局',
        '市经济合作外事局',
      ],
    ]);
  });
});
