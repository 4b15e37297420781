// The shapes of what the reader delivers for the database (prisma/src/gazette-import): the
// documents' data, annex tables, text-set standards and inspection rounds of one issue. The
// `Seed…` names are historical: nothing is written to files any more.
// `line` / `lines`: 1-based lines of the issue text, for provenance and for naming problems.
// Conventions: amounts and rates are plain decimal strings ("918", "0.39"), never floats;
// dates are Asia/Shanghai calendar dates `YYYY-MM-DD`; organisation names are as printed
// (the loader resolves them through the organisations' aliases).

export type SeedDate = string; // YYYY-MM-DD
export type SeedDecimal = string; // plain decimal notation

export type SeedPolicyCategory = 'MUNICIPAL_GOVERNMENT' | 'GOVERNMENT_OFFICE' | 'DEPARTMENT';

/** The gazette issue the seed was read from. */
export interface SeedIssue {
  /** e.g. 2024年第12期 */
  label: string;
  number: number;
  year: number;
  /** 总第69期 */
  serial: number;
  /** 印刷时间; null when the issue does not print it. */
  printedOn: SeedDate | null;
}

/** One document of the issue (a row of Policy). */
export interface SeedPolicy {
  /** Normalised with 〔〕, e.g. 泸市府规〔2024〕4号 */
  docNo: string;
  prefix: string;
  year: number;
  serial: number;
  title: string;
  category: SeedPolicyCategory;
  /** Issuing bodies in the printed order (the signature block), names as printed. */
  issuers: string[];
  /** The date printed under the signature. */
  signedOn: SeedDate;
  /** The text's own validity clause, verbatim, or null when it has none. */
  validityClause: string | null;
  /** From the clause (`自…起施行`); signedOn for `自印发之日起施行` or no clause. */
  effectiveFrom: SeedDate;
  /** Last day in force; null when the text sets no limit. */
  expiresOn: SeedDate | null;
  /** The document or its rates are on trial (试行). */
  isTrial: boolean;
  /** The issue label, e.g. 2024年第12期 */
  issueLabel: string;
  /** Page in the issue, from the table of contents; null when not listed. */
  page: number | null;
}

/** An issue and its documents. */
export interface SeedPoliciesFile {
  issue: SeedIssue;
  policies: SeedPolicy[];
}

// ------------------------------------------------------------------ medical service prices

/** Matches the contract's HospitalGrade. */
export type SeedHospitalGrade =
  | 'TERTIARY_A' // 三甲
  | 'TERTIARY_B' // 三乙
  | 'SECONDARY_A' // 二甲
  | 'SECONDARY_B' // 二乙
  | 'BELOW_SECONDARY_B'; // 二乙以下

export interface SeedMedicalItem {
  /** 序号 */
  seq: number;
  /** 编码, e.g. 311201070-1 */
  code: string;
  /** For a sub-item code `X-1`: the item X it extends (the base of a surcharge); else null. */
  baseCode: string | null;
  name: string;
  /** 项目内涵 */
  contents: string | null;
  /** 除外内容 */
  exclusions: string | null;
  /** 计价单位, e.g. 次, 管·月, 卵·次, 每个胚胎(卵) */
  unit: string;
  /** 说明 */
  notes: string | null;
  /** AMOUNT: values are yuan. SURCHARGE_RATE: values are fractions of the base item ("0.39"). */
  priceKind: 'AMOUNT' | 'SURCHARGE_RATE';
  values: Record<SeedHospitalGrade, SeedDecimal>;
  /**
   * Per further unit pricing printed in the notes (311201079 单精子注射: each further egg +40%,
   * total capped per grade). Absent when the notes set none.
   */
  extraUnit?: { rate: SeedDecimal; caps: Record<SeedHospitalGrade, SeedDecimal> };
  /** Months of storage included in the price (311201071: 含冷冻当月起保存2个月). */
  includedMonths?: number;
  /** Line of the row in the issue text (1-based). */
  line: number;
}

/** RateTable kind MEDICAL_SERVICE_PRICE */
export interface SeedMedicalPriceTable {
  key: 'medical-service-prices';
  kind: 'MEDICAL_SERVICE_PRICE';
  name: string;
  policyDocNo: string;
  /** The first version's effective range (the policy's). */
  effectiveFrom: SeedDate;
  effectiveTo: SeedDate | null;
  isTrial: boolean;
  grades: { value: SeedHospitalGrade; label: string }[];
  items: SeedMedicalItem[];
}

// ------------------------------------------------------------------ land transfer fees

export type SeedLandUse = 'COMMERCIAL' | 'RESIDENTIAL';
/** STREET_FRONT_GROUND_FLOOR 临街且平街一层, OTHER 其他, ANY (residential has one column). */
export type SeedFrontage = 'STREET_FRONT_GROUND_FLOOR' | 'OTHER' | 'ANY';

export interface SeedLandFeeEntry {
  landUse: SeedLandUse;
  /** 基准地价级别 1–7 (I–VII) */
  grade: number;
  frontage: SeedFrontage;
  /** 元/建筑平方米 */
  amount: SeedDecimal;
  /** Line of the row in the issue text (1-based). */
  line: number;
}

/** RateTable kind LAND_TRANSFER_FEE */
export interface SeedLandTransferFeeTable {
  key: 'land-transfer-fees';
  kind: 'LAND_TRANSFER_FEE';
  name: string;
  policyDocNo: string;
  effectiveFrom: SeedDate;
  effectiveTo: SeedDate | null;
  unit: string;
  landUses: { value: SeedLandUse; label: string }[];
  entries: SeedLandFeeEntry[];
}

// ------------------------------------------------------------------ rehabilitation assistance

/** Matches the domain's REHAB_SERVICES. */
export type SeedRehabService =
  | 'SURGERY' // 康复手术
  | 'TRAINING' // 康复训练
  | 'BASIC_DEVICE' // 基本辅具适配
  | 'COCHLEAR_IMPLANT' // 人工耳蜗
  | 'HEARING_AID' // 助听器
  | 'PROSTHESIS' // 普及性假肢
  | 'LIMB_ORTHOSIS'; // 肢体残疾矫形器

/** How a cap counts: per calendar year (/年), once per person (/人) or per device (每具). */
export type SeedRehabCapPeriod = 'YEAR' | 'PERSON' | 'EACH';

export interface SeedRehabStandard {
  service: SeedRehabService;
  /** Yuan, e.g. "5000" for 0.5万元. */
  cap: SeedDecimal;
  period: SeedRehabCapPeriod;
  /** A device of the same type is not funded again within this many years; null = no such rule. */
  repeatYears: number | null;
  /** Article path of the clause within its document, e.g. 二(二)3. */
  article: string;
  /** The clause as printed (OCR spaces removed). */
  text: string;
  /** Line of the issue text where the clause starts. */
  line: number;
}

/** The 救助标准 of a document such as 泸市府规〔2024〕4号 二(二), read from its text. */
export interface SeedRehabStandardsTable {
  policyDocNo: string;
  name: string;
  effectiveFrom: SeedDate;
  effectiveTo: SeedDate | null;
  entries: SeedRehabStandard[];
}

// ------------------------------------------------------------------ noise-law duties

export interface SeedNoiseDuty {
  /** 序号 */
  seq: number;
  /** 法律条款, e.g. 第四十三条第二款 */
  article: string;
  /** 法律内容, plain text (HTML paragraphs become lines joined by \n). */
  lawText: string;
  /** 职责部门, plain text (list items become lines joined by \n). */
  duty: string;
  /** Line of the row in the issue text (1-based). */
  line: number;
}

/** DutyAllocation rows */
export interface SeedNoiseDutiesFile {
  policyDocNo: string;
  title: string;
  duties: SeedNoiseDuty[];
}

// ------------------------------------------------------------------ inspections

export interface SeedWebsiteFinding {
  /** 序号 of the site in annex 1 */
  siteSeq: number;
  /** As printed, OCR breaks removed, e.g. 泸州市住房和城乡建设局网站 */
  siteName: string;
  /** Order within the site, from 0 */
  position: number;
  description: string;
  /** 是否整改完成 as printed, e.g. 整改完成 */
  status: string;
  rectified: boolean;
  /** Line of the site's row in the issue text (1-based). */
  line: number;
}

export interface SeedNewMediaFinding {
  seq: number;
  /** 新媒体名称 */
  account: string;
  /** 所属区县或部门, as printed */
  owner: string;
  /** 类型: 微信, 微博 … */
  platform: string;
  description: string;
  /** Annex 2 prints no rectification column. */
  rectified: boolean;
  /** Line of the row in the issue text (1-based). */
  line: number;
}

export interface SeedDataCollectionGap {
  kind: 'BASE' | 'PROCESS';
  dataYear: number;
  /** Bodies as printed, in order. */
  organizations: string[];
  /** Line of the issue text printing each body, parallel to `organizations`. */
  lines: number[];
}

export interface SeedAdoption {
  rating: 'GOOD' | 'ZERO';
  organization: string;
  /** Order within its rating */
  position: number;
  /** Line of the notice text printing the name. */
  line: number;
}

/** InspectionRound and its children */
export interface SeedInspectionRound {
  /** e.g. 2024Q4 */
  quarter: string;
  policyDocNo: string;
  /** Line of the notice text where its headline figures (the websites checked) are printed. */
  line: number;
  /** 检测时间 */
  windowStart: SeedDate;
  windowEnd: SeedDate;
  websites: {
    cityPortals: number;
    districtPortals: number;
    departmentSites: number;
    total: number;
  };
  newMedia: { accounts: number; districts: number; parks: number; departments: number };
  messages: { received: number; closed: number; overdue: number };
  adoptions: SeedAdoption[];
  websiteFindings: SeedWebsiteFinding[];
  newMediaFindings: SeedNewMediaFinding[];
  dataCollectionGaps: SeedDataCollectionGap[];
}

// ------------------------------------------------------------------ review record

/** What the reader could not decide, by line of the issue text (1-based). */
export interface ReaderProblem {
  line: number;
  code: string;
  message: string;
}
