// The case lists' filter (`cases`, `casesPage`) as a Prisma where, and the columns they sort by.
import { todayInShanghai, toUtcMidnight, type CaseState, type PlainDate } from '@gazette/domain';
import type { DiscretionCase, Prisma } from '@gazette/db';
import { likeText } from '../../schema/shared.ts';

export interface CaseFilter {
  q?: string | null;
  state?: CaseState[] | null;
  overdue?: boolean | null;
  trigger?: string | null;
  keySupervision?: boolean | null;
  filedFrom?: PlainDate | null;
  filedTo?: PlainDate | null;
}

export function caseWhere(
  filter: CaseFilter = {},
  today: PlainDate = todayInShanghai(),
): Prisma.DiscretionCaseWhereInput {
  const and: Prisma.DiscretionCaseWhereInput[] = [];
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    and.push({
      OR: [
        { caseName: { contains: likeText(q) } },
        { subjectName: { contains: likeText(q) } },
        { caseNumber: { contains: likeText(q) } },
        { handler: { contains: likeText(q) } },
      ],
    });
  }
  if (filter.state?.length) and.push({ state: { in: filter.state } });
  if (filter.trigger) and.push({ trigger: filter.trigger as DiscretionCase['trigger'] });
  if (filter.keySupervision != null) and.push({ keySupervision: filter.keySupervision });
  if (filter.filedFrom) and.push({ filedOn: { gte: toUtcMidnight(filter.filedFrom) } });
  if (filter.filedTo) and.push({ filedOn: { lte: toUtcMidnight(filter.filedTo) } });
  const overdue: Prisma.DiscretionCaseWhereInput = {
    state: 'UNDER_REVIEW',
    reviewDeadline: { lt: toUtcMidnight(today) },
  };
  if (filter.overdue === true) and.push(overdue);
  if (filter.overdue === false) and.push({ NOT: overdue });
  return and.length ? { AND: and } : {};
}

export const CASE_SORT_FIELDS = [
  'filedOn',
  'reviewDeadline',
  'caseName',
  'subjectName',
  'caseNumber',
  'state',
  'createdAt',
  'updatedAt',
] as const;
