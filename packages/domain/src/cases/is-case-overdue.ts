import { compareDates, type PlainDate } from '../shared/plain-date.ts';

/**
 * A case still under review after its review deadline. 泸市监规发〔2024〕2号 第十三条: the review
 * lasts at most two months, so the deadline day itself is still within it. The API's `overdue`
 * and the dashboard's 已超期 both use this rule.
 */
export function isCaseOverdue(
  c: { state: string; reviewDeadline?: PlainDate | null },
  today: PlainDate,
): boolean {
  return (
    c.state === 'UNDER_REVIEW' && !!c.reviewDeadline && compareDates(today, c.reviewDeadline) > 0
  );
}
