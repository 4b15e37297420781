import { compareDates, fromUtcMidnight, todayInShanghai, type PlainDate } from '@gazette/domain';
import type { DiscretionCase } from '@gazette/db';

/** 泸市监规发〔2024〕2号 第十三条: a review still open after its deadline is overdue. */
export function isOverdue(
  c: Pick<DiscretionCase, 'state' | 'reviewDeadline'>,
  today: PlainDate = todayInShanghai(),
) {
  return (
    c.state === 'UNDER_REVIEW' &&
    !!c.reviewDeadline &&
    compareDates(fromUtcMidnight(c.reviewDeadline), today) < 0
  );
}
