import { compareDates } from '@gazette/domain';

/** Under review past its deadline (泸市监规发〔2024〕2号 第十三条: at most two months). */
export function isOverdue(c: { state: string; reviewDeadline?: string | null }, today: string): boolean {
  return c.state === 'UNDER_REVIEW' && !!c.reviewDeadline && compareDates(today, c.reviewDeadline) > 0;
}
