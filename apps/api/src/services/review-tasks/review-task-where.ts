import { todayInShanghai, toUtcMidnight, type PlainDate } from '@gazette/domain';
import type { Prisma } from '@gazette/db';

export interface ReviewTaskFilterValue {
  overdue?: boolean | null;
  open?: boolean | null;
  asOf?: PlainDate | null;
}

/** The `reviewTasks` filter as a Prisma where: open or resolved, overdue or not on `asOf` (today). */
export function reviewTaskWhere(
  filter: ReviewTaskFilterValue | null | undefined,
): Prisma.ReviewTaskWhereInput {
  const and: Prisma.ReviewTaskWhereInput[] = [];
  if (filter?.open === true) and.push({ outcome: null });
  if (filter?.open === false) and.push({ outcome: { not: null } });
  if (filter?.overdue != null) {
    // The domain's isReviewOverdue as SQL: no outcome and due before asOf.
    const overdue: Prisma.ReviewTaskWhereInput = {
      outcome: null,
      dueOn: { lt: toUtcMidnight(filter.asOf ?? todayInShanghai()) },
    };
    and.push(filter.overdue ? overdue : { NOT: overdue });
  }
  return and.length ? { AND: and } : {};
}
