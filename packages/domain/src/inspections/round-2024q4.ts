import { requireOrganization } from '../organizations/resolve-organization.ts';
import type {
  DataCollectionGap,
  InformationAdoption,
  InspectionRound,
  NewMediaFinding,
  WebsiteFinding,
} from './types.ts';

// 泸市府室发〔2024〕34号: the 2024Q4 round as reviewed. Bodies are written as the notice prints
// them and resolved through the organisation registry, so every printed variant is exercised.

const ownerOf = (printed: string, field: string) => requireOrganization(printed, field).name;

/** 附件1 as printed: 序号, 检查网站, the findings of its 存在问题 cell (one cell may hold several). */
export const WEBSITE_FINDINGS_2024Q4_PRINTED: readonly {
  siteSeq: number;
  siteName: string;
  findings: readonly string[];
}[] = [
  {
    siteSeq: 1,
    siteName: '中国·四川泸州长江经济开发区网站',
    findings: ['《问卷调查》没有调查结果'],
  },
  { siteSeq: 2, siteName: '四川泸州白酒产业园区网站', findings: ['《领导活动》未更新'] },
  {
    siteSeq: 3,
    siteName: '泸州市经济和信息化局网站',
    findings: ['《区县动态》超期未更新', '《重要文件通知》超期未更新'],
  },
  { siteSeq: 4, siteName: '泸州市教育和体育局网站', findings: ['《法制教育宣传》超期未更新'] },
  { siteSeq: 5, siteName: '泸州市科学技术局网站', findings: ['《工业科技》超期未更新'] },
  {
    siteSeq: 6,
    siteName: '泸州市民政局网站',
    findings: ['《部门信箱》要素不齐', '《重大民生栏目》超期未更新'],
  },
  { siteSeq: 7, siteName: '泸州市住房和城乡建设局网站', findings: ['《部门信箱》超期未更新'] },
  { siteSeq: 8, siteName: '泸州市农业农村局网站', findings: ['《部门信箱》要素不齐'] },
  { siteSeq: 9, siteName: '泸州市商务和会展局网站', findings: ['《监督执法》超期未更新'] },
  { siteSeq: 10, siteName: '泸州市应急管理局网站', findings: ['《部门动态》超期未更新'] },
  { siteSeq: 11, siteName: '泸州市审计局网站', findings: ['《部门信箱》超期未回复'] },
  { siteSeq: 12, siteName: '泸州市统计局网站', findings: ['《政策文件》超期未更新'] },
  { siteSeq: 13, siteName: '泸州市林业和竹业局网站', findings: ['《政策文件》超期未更新'] },
];

/** 附件2 as printed: 序号, 新媒体名称, 所属区县或部门, 类型, 存在的突出问题. */
export const NEW_MEDIA_FINDINGS_2024Q4_PRINTED: readonly {
  seq: number;
  account: string;
  owner: string;
  platform: string;
  description: string;
}[] = [
  { seq: 1, account: '法治泸县', owner: '泸县', platform: '微信', description: '严重表述错误' },
  {
    seq: 2,
    account: '泸州农业',
    owner: '市农业农村局',
    platform: '微信',
    description: '严重表述错误',
  },
  {
    seq: 3,
    account: '自贸试验区川南临港片区',
    owner: '中国(四川)自由贸易试验区川南临港片区管理委员会',
    platform: '微信',
    description: '严重表述错误',
  },
  {
    seq: 4,
    account: '泸州退役军人',
    owner: '市退役军人事务局',
    platform: '微信',
    description: '严重表述错误',
  },
  {
    seq: 5,
    account: '泸州水务发布',
    owner: '市水务局',
    platform: '微信',
    description: '严重表述错误',
  },
  {
    seq: 6,
    account: '文旅泸州',
    owner: '市文化广电旅游局',
    platform: '微信',
    description: '严重表述错误',
  },
  { seq: 7, account: '平安合江', owner: '合江县', platform: '微博', description: '严重表述错误' },
  { seq: 8, account: '平安江阳', owner: '江阳区', platform: '微博', description: '严重表述错误' },
];

/** 附件3 as printed. */
export const DATA_GAPS_2024Q4_PRINTED = {
  // 未更新2023年基础数据的部门
  base2023: ['市经济和信息化局', '市文化广电旅游局', '市统计局'],
  // 未更新2024年过程数据的部门
  process2024: [
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
} as const;

/** 一(三) 二是网站信息采用情况, as printed. */
export const ADOPTIONS_2024Q4_PRINTED = {
  // 区县信息采用情况较好的有古蔺县、泸县、合江县; 市级各部门…较好的有…
  good: ['古蔺县', '泸县', '合江县', '市自然资源和规划局', '市住房城乡建设局', '市市场监管局'],
  // 信息被市政府门户网站采用为0条的部门有…
  zero: ['长开区', '市公安局', '市信访局', '市酒业发展局'],
} as const;

const websiteFindings: WebsiteFinding[] = WEBSITE_FINDINGS_2024Q4_PRINTED.flatMap((site) =>
  site.findings.map((description, position) => ({
    organizationId: ownerOf(site.siteName, 'websiteFindings.siteName'),
    siteSeq: site.siteSeq,
    siteName: site.siteName,
    position,
    description,
    // 附件1 是否整改完成: 整改完成 for every site; the date is not printed.
    rectified: true,
    rectifiedOn: null,
  })),
);

const newMediaFindings: NewMediaFinding[] = NEW_MEDIA_FINDINGS_2024Q4_PRINTED.map((row) => ({
  organizationId: ownerOf(row.owner, 'newMediaFindings.owner'),
  seq: row.seq,
  account: row.account,
  platform: row.platform,
  description: row.description,
  rectified: false,
  rectifiedOn: null,
}));

const dataGaps: DataCollectionGap[] = [
  ...DATA_GAPS_2024Q4_PRINTED.base2023.map((name, position) => ({
    organizationId: ownerOf(name, 'dataGaps.organization'),
    kind: 'BASE' as const,
    dataYear: 2023,
    position,
  })),
  ...DATA_GAPS_2024Q4_PRINTED.process2024.map((name, position) => ({
    organizationId: ownerOf(name, 'dataGaps.organization'),
    kind: 'PROCESS' as const,
    dataYear: 2024,
    position,
  })),
];

const adoptions: InformationAdoption[] = [
  ...ADOPTIONS_2024Q4_PRINTED.good.map((name, position) => ({
    organizationId: ownerOf(name, 'adoptions.organization'),
    rating: 'GOOD' as const,
    position,
  })),
  ...ADOPTIONS_2024Q4_PRINTED.zero.map((name, position) => ({
    organizationId: ownerOf(name, 'adoptions.organization'),
    rating: 'ZERO' as const,
    position,
  })),
];

export const ROUND_2024Q4: InspectionRound = {
  quarter: '2024Q4',
  policyDocNo: '泸市府室发〔2024〕34号',
  // 附件2 说明: 检测时间为2024年10月1日至12月1日.
  windowStart: '2024-10-01',
  windowEnd: '2024-12-01',
  // 一(一): 1个市政府门户网站、7个区县政府门户网站、38个市级部门网站.
  cityPortalsChecked: 1,
  districtPortalsChecked: 7,
  departmentSitesChecked: 38,
  // 一(二): 7个区县、6个园区、31个市级有关部门正在运行的208个政务新媒体账号.
  newMediaAccountsChecked: 208,
  newMediaDistricts: 7,
  newMediaParks: 6,
  newMediaDepartments: 31,
  // 一(三): 收到…有效留言3条,办结3条,…实现办理整改零超期.
  messagesReceived: 3,
  messagesClosed: 3,
  messagesOverdue: 0,
  websiteFindings,
  newMediaFindings,
  dataGaps,
  adoptions,
};
