import { addDays, badInput, todayInShanghai, toUtcMidnight, type PlainDate } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';

/** Longest look-ahead of expiringPolicies: ten years. */
export const MAX_WITHIN_DAYS = 3650;

/**
 * Validity watch (contract NEXT.md): documents whose last day falls within `withinDays` of
 * `asOf`, the first to end first; a document repealed by then has no expiry left to watch.
 */
export function listExpiringPolicies<Q extends object>(
  ctx: Pick<GazetteContext, 'prisma'>,
  args: { asOf?: PlainDate | null; withinDays: number },
  query: Q,
) {
  if (
    !Number.isInteger(args.withinDays) ||
    args.withinDays < 0 ||
    args.withinDays > MAX_WITHIN_DAYS
  ) {
    throw badInput(
      'withinDays',
      `withinDays(天数)应为 0–${MAX_WITHIN_DAYS} 的整数:${args.withinDays}`,
    );
  }
  const from = args.asOf ?? todayInShanghai();
  const to = addDays(from, args.withinDays);
  return ctx.prisma.policy.findMany({
    ...query,
    where: {
      expiresOn: { gte: toUtcMidnight(from), lte: toUtcMidnight(to) },
      OR: [{ repealedOn: null }, { repealedOn: { gt: toUtcMidnight(from) } }],
    },
    orderBy: [{ expiresOn: 'asc' }, { docNo: 'asc' }],
  });
}
