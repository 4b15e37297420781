import { addDays, compareDates, parsePlainDate, type PlainDate } from '../shared/plain-date.ts';
import type { PolicyStatus } from './types.ts';

/**
 * Status on `asOf`: in force from effectiveFrom through expiresOn, both inclusive; REPEALED from
 * the day a repealing or replacing document takes effect (`repealedOn`), even before its own
 * expiry (contract NEXT.md, "Gazette issues").
 */
export function policyStatus(
  policy: { effectiveFrom: PlainDate; expiresOn: PlainDate | null; repealedOn?: PlainDate | null },
  asOf: PlainDate,
): PolicyStatus {
  parsePlainDate(asOf, 'asOf');
  if (compareDates(asOf, policy.effectiveFrom) < 0) return 'NOT_YET_EFFECTIVE';
  if (policy.repealedOn && compareDates(asOf, policy.repealedOn) >= 0) {
    // A document that had already run out before the repeal took effect stays EXPIRED.
    if (
      policy.expiresOn !== null &&
      compareDates(policy.expiresOn, addDays(policy.repealedOn, -1)) < 0
    )
      return 'EXPIRED';
    return 'REPEALED';
  }
  if (policy.expiresOn !== null && compareDates(asOf, policy.expiresOn) > 0) return 'EXPIRED';
  return 'IN_FORCE';
}

/** The last day a document is in force: the day before its repeal, else its expiry, else open. */
export function policyLastDay(policy: {
  expiresOn: PlainDate | null;
  repealedOn?: PlainDate | null;
}): PlainDate | null {
  const beforeRepeal = policy.repealedOn ? addDays(policy.repealedOn, -1) : null;
  if (beforeRepeal === null) return policy.expiresOn;
  if (policy.expiresOn === null) return beforeRepeal;
  return compareDates(beforeRepeal, policy.expiresOn) < 0 ? beforeRepeal : policy.expiresOn;
}
