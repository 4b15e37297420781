import { compareDates, parsePlainDate, type PlainDate } from '../shared/plain-date.ts';
import type { PolicyStatus } from './types.ts';

/** Status on `asOf`: in force from effectiveFrom through expiresOn, both inclusive. */
export function policyStatus(
  policy: { effectiveFrom: PlainDate; expiresOn: PlainDate | null },
  asOf: PlainDate,
): PolicyStatus {
  parsePlainDate(asOf, 'asOf');
  if (compareDates(asOf, policy.effectiveFrom) < 0) return 'NOT_YET_EFFECTIVE';
  if (policy.expiresOn !== null && compareDates(asOf, policy.expiresOn) > 0) return 'EXPIRED';
  return 'IN_FORCE';
}
