import { resolveOrganization } from '../organizations/resolve-organization.ts';
import type { PlainDate } from '../shared/plain-date.ts';
import { matchesPolicySearch, normalizeSearchText } from './normalize-search.ts';
import { policyStatus } from './policy-status.ts';
import type { TPolicyFilter } from './schemas.ts';
import type { PolicyCategory } from './types.ts';

export interface FilterablePolicy {
  docNo: string;
  title: string;
  category: PolicyCategory;
  issuers: readonly string[];
  effectiveFrom: PlainDate;
  expiresOn: PlainDate | null;
}

function issuedBy(policy: FilterablePolicy, issuer: string): boolean {
  const wanted = resolveOrganization(issuer);
  if (wanted) return policy.issuers.some((n) => resolveOrganization(n)?.name === wanted.name);
  // An unregistered name still matches as text (泸州市 finds every city body).
  const needle = normalizeSearchText(issuer);
  return policy.issuers.some((n) => normalizeSearchText(n).includes(needle));
}

/**
 * The contract's `policies(filter)` on one policy: status on `filter.asOf` (default `today`),
 * search over title and number, issuer by any of its names, category.
 */
export function policyMatchesFilter(
  policy: FilterablePolicy,
  filter: TPolicyFilter | null | undefined,
  today: PlainDate,
): boolean {
  if (!filter) return true;
  if (filter.status && policyStatus(policy, filter.asOf ?? today) !== filter.status) return false;
  if (filter.category && policy.category !== filter.category) return false;
  if (filter.search && !matchesPolicySearch(policy, filter.search)) return false;
  if (filter.issuer && filter.issuer.trim() && !issuedBy(policy, filter.issuer)) return false;
  return true;
}
