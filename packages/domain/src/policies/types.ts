import type { PlainDate } from '../shared/plain-date.ts';

/** Matches `PolicyCategory` in prisma/schema.prisma and the contract. */
export type PolicyCategory = 'MUNICIPAL_GOVERNMENT' | 'GOVERNMENT_OFFICE' | 'DEPARTMENT';

export const POLICY_CATEGORY_LABELS: Record<PolicyCategory, string> = {
  MUNICIPAL_GOVERNMENT: '市政府文件',
  GOVERNMENT_OFFICE: '市政府办公室文件',
  DEPARTMENT: '部门文件',
};

export type PolicyStatus = 'NOT_YET_EFFECTIVE' | 'IN_FORCE' | 'EXPIRED' | 'REPEALED';

/** What a document's own validity clause decides. */
export interface PolicyValidity {
  effectiveFrom: PlainDate;
  /** Last day in force; null when the text sets no limit. */
  expiresOn: PlainDate | null;
  isTrial: boolean;
}

/**
 * One document of a gazette issue, as reviewed. Same shape as `SeedPolicy` in
 * @gazette/gazette so the reader's output can be compared field by field.
 */
export interface GazettePolicy extends PolicyValidity {
  /** Normalised with 〔〕 */
  docNo: string;
  prefix: string;
  year: number;
  serial: number;
  title: string;
  category: PolicyCategory;
  /** Issuing bodies in the printed order (signature block), official names. */
  issuers: string[];
  signedOn: PlainDate;
  /** The text's own validity clause, verbatim, or null when it has none. */
  validityClause: string | null;
  issueLabel: string;
  /** Page from the issue's table of contents. */
  page: number | null;
}
