import type { PlainDate } from '../shared/plain-date.ts';

/** Matches `PolicyCategory` in prisma/schema.prisma and the contract. */
export type PolicyCategory = 'MUNICIPAL_GOVERNMENT' | 'GOVERNMENT_OFFICE' | 'DEPARTMENT';

export type PolicyStatus = 'NOT_YET_EFFECTIVE' | 'IN_FORCE' | 'EXPIRED' | 'REPEALED';

/** What a document's own validity clause decides. */
export interface PolicyValidity {
  effectiveFrom: PlainDate;
  /** Last day in force; null when the text sets no limit. */
  expiresOn: PlainDate | null;
  isTrial: boolean;
}
