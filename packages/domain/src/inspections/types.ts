import type { PlainDate } from '../shared/plain-date.ts';

// The round's shapes mirror the Prisma models (InspectionRound and its children) field for
// field, with dates as PlainDate, so the API can pass database rows after converting dates.
// `organizationId` is whatever identifies a body consistently within a round: the database id
// when built from rows (any consistent name will do in tests).

export type DataGapKind = 'BASE' | 'PROCESS';
export type AdoptionRating = 'GOOD' | 'ZERO';

export interface WebsiteFinding {
  organizationId: string;
  /** 序号 of the site in annex 1 */
  siteSeq: number;
  /** As printed, OCR breaks removed */
  siteName: string;
  /** Order within the site, from 0 */
  position: number;
  /** The printed finding: a column in 《》 and its problem, e.g. 《栏目》超期未更新 */
  description: string;
  rectified: boolean;
  rectifiedOn: PlainDate | null;
}

export interface NewMediaFinding {
  organizationId: string;
  seq: number;
  /** 新媒体名称 */
  account: string;
  /** 类型: 微信, 微博 … */
  platform: string;
  description: string;
  /** 附件2 prints no rectification column: null (unknown) until someone records it. */
  rectified: boolean | null;
  rectifiedOn: PlainDate | null;
}

export interface DataCollectionGap {
  organizationId: string;
  kind: DataGapKind;
  dataYear: number;
  position: number;
}

export interface InformationAdoption {
  organizationId: string;
  rating: AdoptionRating;
  position: number;
}

/** One quarter's inspection: InspectionRound with its children. */
export interface InspectionRound {
  /** 2024Q4 */
  quarter: string;
  /** The notice that published it, e.g. 泸市府室发〔2024〕34号 */
  policyDocNo: string | null;
  windowStart: PlainDate;
  windowEnd: PlainDate;
  cityPortalsChecked: number;
  districtPortalsChecked: number;
  departmentSitesChecked: number;
  newMediaAccountsChecked: number;
  newMediaDistricts: number;
  newMediaParks: number;
  newMediaDepartments: number;
  messagesReceived: number;
  messagesClosed: number;
  messagesOverdue: number;
  websiteFindings: readonly WebsiteFinding[];
  newMediaFindings: readonly NewMediaFinding[];
  dataGaps: readonly DataCollectionGap[];
  adoptions: readonly InformationAdoption[];
}

/** `complianceSummary(quarter)` of the contract; the lists hold organizationIds in printed order. */
export interface ComplianceSummary {
  quarter: string;
  websitesChecked: number;
  websitesWithIssues: number;
  websiteIssues: number;
  websiteIssuesRectified: number;
  newMediaAccountsChecked: number;
  newMediaAccountsWithIssues: number;
  messagesReceived: number;
  messagesClosed: number;
  baseDataMissing: string[];
  processDataMissing: string[];
}

/** `organization(name).compliance(quarter)` of the contract. */
export interface OrganizationCompliance {
  quarter: string;
  organizationId: string;
  websiteIssues: WebsiteFinding[];
  newMediaIssues: NewMediaFinding[];
  baseDataMissing: boolean;
  processDataMissing: boolean;
  adoption: AdoptionRating | null;
}

export type FindingChannel = 'WEBSITE' | 'NEW_MEDIA';

/** The same body with the same problem in consecutive quarters. */
export interface RepeatFinding {
  organizationId: string;
  channel: FindingChannel;
  /** The column or account the problem is about (《栏目》, or the account name). */
  subject: string;
  /** The problem without its subject (超期未更新). */
  issue: string;
  /** Consecutive quarters it was found in, oldest first (at least two). */
  quarters: string[];
}

export interface RectificationProgress {
  quarter: string;
  total: number;
  rectified: number;
  outstanding: number;
  /** rectified / total, 1 when there is nothing to rectify. A ratio for display, not money. */
  ratio: number;
  website: { total: number; rectified: number };
  newMedia: { total: number; rectified: number };
}
