import type { Prisma } from '@gazette/db';

const POLICY_SORT_COLUMNS = {
  DOC_NO: 'docNo',
  TITLE: 'title',
  SIGNED_ON: 'signedOn',
  EFFECTIVE_FROM: 'effectiveFrom',
  EXPIRES_ON: 'expiresOn',
} as const;

/** The order of the contract's `policies`: the sort column, then id (default: signing date). */
export function policyOrderBy(
  field: keyof typeof POLICY_SORT_COLUMNS | null | undefined,
  dir: 'ASC' | 'DESC' | null | undefined,
): Prisma.PolicyOrderByWithRelationInput[] {
  const column = POLICY_SORT_COLUMNS[field ?? 'SIGNED_ON'];
  return [{ [column]: dir === 'DESC' ? 'desc' : 'asc' }, { id: 'asc' }];
}
