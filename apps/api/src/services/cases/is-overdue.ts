import { fromUtcMidnight, isCaseOverdue, todayInShanghai, type PlainDate } from '@gazette/domain';
import type { DiscretionCase } from '@gazette/db';

/** The domain's overdue rule (泸市监规发〔2024〕2号 第十三条) over a stored case. */
export function isOverdue(
  c: Pick<DiscretionCase, 'state' | 'reviewDeadline'>,
  today: PlainDate = todayInShanghai(),
) {
  return isCaseOverdue(
    { state: c.state, reviewDeadline: c.reviewDeadline ? fromUtcMidnight(c.reviewDeadline) : null },
    today,
  );
}
