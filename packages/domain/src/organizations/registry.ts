import type { Organization, OrganizationType } from './types.ts';

const CITY = '泸州市人民政府';

function org(
  type: OrganizationType,
  name: string,
  shortName: string | null,
  aliases: string[],
  parentName: string | null = null,
): Organization {
  return { name, shortName, type, parentName, aliases };
}

/** A city department: official name 泸州市X, printed short form 市X, its website 泸州市X网站. */
function dept(name: string, shortName: string, more: string[] = []): Organization {
  return org('DEPARTMENT', name, shortName, [shortName, `${name}网站`, ...more], CITY);
}

// Where the issue prints only a short form (市文化广电旅游局), the official name is 泸州市 + that
// form; a longer statutory name the issue does not print is at most an extra alias.

export const ORGANIZATIONS: readonly Organization[] = [
  // ------------------------------------------------------------ city government
  org('CITY_GOVERNMENT', '泸州市人民政府', '市政府', [
    '市政府',
    '泸州市政府',
    '泸州市人民政府门户网站',
    '市政府门户网站',
  ]),
  org(
    'CITY_GOVERNMENT',
    '泸州市人民政府办公室',
    '市政府办公室',
    ['市政府办公室', '泸州市政府办公室', '市政府办'],
    CITY,
  ),

  // ------------------------------------------------------------ districts and counties
  // 泸市府办发〔2024〕46号 一(一): 全市辖3个市辖区、4个县.
  ...(
    [
      ['泸州市江阳区人民政府', '江阳区', '泸州市江阳区'],
      ['泸州市龙马潭区人民政府', '龙马潭区', '泸州市龙马潭区'],
      ['泸州市纳溪区人民政府', '纳溪区', '泸州市纳溪区'],
      ['泸县人民政府', '泸县', '泸州市泸县'],
      ['合江县人民政府', '合江县', '泸州市合江县'],
      ['叙永县人民政府', '叙永县', '泸州市叙永县'],
      ['古蔺县人民政府', '古蔺县', '泸州市古蔺县'],
    ] as const
  ).map(([name, short, long]) =>
    org(
      'DISTRICT_COUNTY',
      name,
      short,
      [
        short,
        long,
        `${short}人民政府`,
        `${short}政府`,
        `${short}人民政府门户网站`,
        `${short}政府门户网站`,
      ].filter((a) => a !== name),
      CITY,
    ),
  ),

  // ------------------------------------------------------------ parks and zones
  // 泸市府室发〔2024〕34号 counts 6 parks; this issue names these three.
  org(
    'PARK',
    '中国·四川泸州长江经济开发区',
    '长开区',
    [
      '长开区',
      '中国·四川泸州长江经济开发区网站',
      '中国·四川泸州长江经济开发区管理委员会',
      '长开区管委会',
      '泸州长江经济开发区',
      '四川泸州长江经济开发区',
    ],
    CITY,
  ),
  org(
    'PARK',
    '四川泸州白酒产业园区',
    '白酒产业园区',
    [
      '四川泸州白酒产业园区网站',
      '四川泸州白酒产业园区管理委员会',
      '泸州白酒产业园区',
      '白酒产业园区',
      '白酒园区',
    ],
    CITY,
  ),
  org(
    'PARK',
    '中国(四川)自由贸易试验区川南临港片区管理委员会',
    '川南临港片区',
    [
      '中国(四川)自由贸易试验区川南临港片区',
      '自贸试验区川南临港片区',
      '川南临港片区',
      '川南临港片区管委会',
      // 泸市府办发〔2024〕46号 三(1): 主要分布在纳溪区、自贸区、泸县和古蔺县.
      '自贸区',
    ],
    CITY,
  ),

  // ------------------------------------------------------------ city departments
  dept('泸州市经济和信息化局', '市经济和信息化局', ['泸州市经信局', '市经信局']),
  dept('泸州市教育和体育局', '市教育体育局', [
    '市教育和体育局',
    '泸州市教育体育局',
    '泸州市教育体育局网站',
  ]),
  dept('泸州市科学技术局', '市科学技术局', ['市科技局', '泸州市科技局']),
  dept('泸州市民政局', '市民政局'),
  dept('泸州市住房和城乡建设局', '市住房城乡建设局', [
    '市住房和城乡建设局',
    '泸州市住房城乡建设局',
    '泸州市住房城乡建设局网站',
    '市住建局',
    '泸州市住建局',
  ]),
  dept('泸州市农业农村局', '市农业农村局'),
  dept('泸州市商务和会展局', '市商务会展局', [
    '市商务和会展局',
    '泸州市商务会展局',
    '泸州市商务会展局网站',
  ]),
  dept('泸州市应急管理局', '市应急管理局'),
  dept('泸州市审计局', '市审计局'),
  dept('泸州市统计局', '市统计局'),
  dept('泸州市林业和竹业局', '市林业和竹业局', ['市林竹局', '泸州市林竹局']),
  dept('泸州市退役军人事务局', '市退役军人事务局'),
  dept('泸州市水务局', '市水务局'),
  dept('泸州市文化广电旅游局', '市文化广电旅游局', ['市文广旅局', '泸州市文化广播电视和旅游局']),
  dept('泸州市财政局', '市财政局'),
  dept('泸州市生态环境局', '市生态环境局'),
  dept('泸州市市场监督管理局', '市市场监管局', [
    '市市场监督管理局',
    '泸州市市场监管局',
    '泸州市市场监管局网站',
  ]),
  dept('泸州市经济合作外事局', '市经济合作外事局', [
    '市经济合作和外事局',
    '泸州市经济合作和外事局',
  ]),
  dept('泸州市自然资源和规划局', '市自然资源和规划局', [
    '市自然资源规划局',
    '泸州市自然资源规划局',
  ]),
  dept('泸州市公安局', '市公安局'),
  dept('泸州市信访局', '市信访局'),
  dept('泸州市酒业发展局', '市酒业发展局'),
  dept('泸州市医疗保障局', '市医保局', ['市医疗保障局', '泸州市医保局']),
  dept('泸州市司法局', '市司法局'),
  dept('泸州市人民政府国有资产监督管理委员会', '市国资委', [
    '泸州市国资委',
    '泸州市国有资产监督管理委员会',
  ]),
  // Named only generically in this issue (泸市府办发〔2024〕47号: 交通运输, 城管执法).
  dept('泸州市交通运输局', '市交通运输局'),
  // 城管执法: Luzhou's urban-management enforcement body after the 2019 institutional reform is
  // 泸州市综合行政执法局 (formerly 泸州市城市管理行政执法局); the issue itself never prints the name.
  dept('泸州市综合行政执法局', '市综合行政执法局', [
    '市城市管理行政执法局',
    '泸州市城市管理行政执法局',
  ]),

  // ------------------------------------------------------------ vertically managed bodies
  org('STATE_AGENCY', '国家税务总局泸州市税务局', '市税务局', ['泸州市税务局', '市税务局']),
  // 泸市府办发〔2024〕47号 5: 海关部门; 9: 海事.
  org('STATE_AGENCY', '中华人民共和国泸州海关', '泸州海关', ['泸州海关']),
  org('STATE_AGENCY', '中华人民共和国泸州海事局', '泸州海事局', ['泸州海事局']),
  // 泸市府函〔2024〕270号: 王卓 人行泸州市分行副行长.
  org('STATE_AGENCY', '中国人民银行泸州市分行', '人行泸州市分行', ['人行泸州市分行']),

  // ------------------------------------------------------------ others named in the issue
  org('OTHER', '泸州仲裁委员会', null, ['第六届泸州仲裁委员会']),
  org('OTHER', '泸州市工商业联合会', '市工商联', ['市工商联', '泸州市工商联']),
  org('OTHER', '泸州市律师协会', '市律师协会', ['市律师协会']),
  org('OTHER', '西南医科大学', null, []),
  // 泸市府规〔2024〕4号 三, 四: 市、区县残联 run the rehabilitation assistance.
  org('OTHER', '泸州市残疾人联合会', '市残联', ['市残联', '泸州市残联']),
];
