import { parseDocNo } from './parse-doc-no.ts';
import type { GazettePolicy } from './types.ts';

/** 泸州市人民政府公报 2024年第12期 (总第69期). */
export const ISSUE_2024_12_LABEL = '2024年第12期';

// The reviewed facts of the nine documents of the issue, in the order of its 目录.
// Titles are the headings as printed, line breaks and OCR spaces removed; joint issuers in a
// title keep one space between them as the 目录 prints them. Dates are those printed under the
// signatures; pages are the 目录's. The gazette reader's output is compared with this list.
export const ISSUE_2024_12_POLICIES: readonly GazettePolicy[] = [
  {
    docNo: '泸市府规〔2024〕4号',
    prefix: '泸市府规',
    year: 2024,
    serial: 4,
    title: '泸州市人民政府关于进一步实施残疾儿童康复救助制度的通知',
    category: 'MUNICIPAL_GOVERNMENT',
    issuers: ['泸州市人民政府'],
    signedOn: '2024-12-04',
    validityClause: '本通知自2025年1月6日起施行,有效期五年。',
    // 有效期五年 from 2025-01-06: the last day in force is 2030-01-05.
    effectiveFrom: '2025-01-06',
    expiresOn: '2030-01-05',
    isTrial: false,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 2,
  },
  {
    docNo: '泸市府发〔2024〕12号',
    prefix: '泸市府发',
    year: 2024,
    serial: 12,
    title: '泸州市人民政府关于印发《泸州市国土空间总体规划(2021—2035年)》的通知',
    category: 'MUNICIPAL_GOVERNMENT',
    issuers: ['泸州市人民政府'],
    signedOn: '2024-12-10',
    validityClause: null,
    effectiveFrom: '2024-12-10',
    expiresOn: null,
    isTrial: false,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 5,
  },
  {
    docNo: '泸市府函〔2024〕270号',
    prefix: '泸市府函',
    year: 2024,
    serial: 270,
    title: '泸州市人民政府关于聘任第六届泸州仲裁委员会组成人员的通知',
    category: 'MUNICIPAL_GOVERNMENT',
    issuers: ['泸州市人民政府'],
    signedOn: '2024-12-17',
    validityClause: null,
    effectiveFrom: '2024-12-17',
    expiresOn: null,
    isTrial: false,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 6,
  },
  {
    docNo: '泸市府办发〔2024〕46号',
    prefix: '泸市府办发',
    year: 2024,
    serial: 46,
    title:
      '泸州市人民政府办公室关于印发《建设全国纺织产业人工智能创新示范基地(泸州)行动纲要(2024—2028年)》的通知',
    category: 'GOVERNMENT_OFFICE',
    issuers: ['泸州市人民政府办公室'],
    signedOn: '2024-12-19',
    // The plan covers 2024–2028 but the notice sets no validity of its own.
    validityClause: null,
    effectiveFrom: '2024-12-19',
    expiresOn: null,
    isTrial: false,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 18,
  },
  {
    docNo: '泸市府办发〔2024〕47号',
    prefix: '泸市府办发',
    year: 2024,
    serial: 47,
    title:
      '泸州市人民政府办公室关于印发《〈中华人民共和国噪声污染防治法〉部分条款部门职责分工方案》的通知',
    category: 'GOVERNMENT_OFFICE',
    issuers: ['泸州市人民政府办公室'],
    signedOn: '2024-12-19',
    validityClause: null,
    effectiveFrom: '2024-12-19',
    expiresOn: null,
    isTrial: false,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 24,
  },
  {
    docNo: '泸市府室发〔2024〕34号',
    prefix: '泸市府室发',
    year: 2024,
    serial: 34,
    title: '泸州市人民政府办公室关于2024年第四季度政府网站和政府系统政务新媒体检查情况的通报',
    category: 'GOVERNMENT_OFFICE',
    issuers: ['泸州市人民政府办公室'],
    signedOn: '2024-12-09',
    validityClause: null,
    effectiveFrom: '2024-12-09',
    expiresOn: null,
    isTrial: false,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 31,
  },
  {
    docNo: '泸市自然资规函〔2024〕425号',
    prefix: '泸市自然资规函',
    year: 2024,
    serial: 425,
    title:
      '泸州市自然资源和规划局 泸州市财政局 国家税务总局泸州市税务局关于进一步规范国有建设用地二级市场共用宗地出让金缴纳有关事项的通知',
    category: 'DEPARTMENT',
    issuers: ['泸州市自然资源和规划局', '泸州市财政局', '国家税务总局泸州市税务局'],
    signedOn: '2024-12-10',
    // 三(五): the sentence after it (如遇…则从其规定) sets no date.
    validityClause: '本通知自2025年1月8日起施行,有效期5年。',
    effectiveFrom: '2025-01-08',
    expiresOn: '2030-01-07',
    isTrial: false,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 35,
  },
  {
    docNo: '泸市监规发〔2024〕2号',
    prefix: '泸市监规发',
    year: 2024,
    serial: 2,
    title:
      '泸州市市场监督管理局关于印发《泸州市市场监督管理局行政处罚改正违法行为裁量审查评估指导意见(试行)》的通知',
    category: 'DEPARTMENT',
    issuers: ['泸州市市场监督管理局'],
    signedOn: '2024-12-19',
    // 第二十二条: 自印发之日起施行,有效期2年 — from the signing date 2024-12-19 through 2026-12-18.
    validityClause: '本指导意见自印发之日起施行,有效期2年。',
    effectiveFrom: '2024-12-19',
    expiresOn: '2026-12-18',
    // The opinion is titled (试行).
    isTrial: true,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 38,
  },
  {
    docNo: '泸市医保规〔2024〕4号',
    prefix: '泸市医保规',
    year: 2024,
    serial: 4,
    title: '泸州市医疗保障局关于公布取卵术等医疗服务项目价格的通知',
    category: 'DEPARTMENT',
    issuers: ['泸州市医疗保障局'],
    signedOn: '2024-10-29',
    // 五: 自2024年11月1日起施行,试行期两年 — the last day in force is 2026-10-31.
    validityClause: '本通知自2024年11月1日起施行,试行期两年。',
    effectiveFrom: '2024-11-01',
    expiresOn: '2026-10-31',
    isTrial: true,
    issueLabel: ISSUE_2024_12_LABEL,
    page: 47,
  },
];

/** A document of the issue by any form of its number, or null. */
export function issue202412Policy(docNo: string): GazettePolicy | null {
  const parsed = parseDocNo(docNo);
  if (!parsed) return null;
  return ISSUE_2024_12_POLICIES.find((p) => p.docNo === parsed.docNo) ?? null;
}
