// Validity review tasks: every document with an end date is reviewed before it runs out.
// A trial (试行) document is reviewed six months before its end, as 泸市医保规〔2024〕4号 五
// prescribes for its own trial (试行期满前六个月 gather how it worked and settle the formal
// prices); any other document three months before.
import { badInput } from '../shared/errors.ts';
import { addDays, addMonths, compareDates, type PlainDate } from '../shared/plain-date.ts';
import { versionInForce } from '../rates/versions.ts';
import type { RateTable } from '../rates/model.ts';

/** Months before the end date a review falls due: trials six, others three. */
export const REVIEW_MONTHS_BEFORE = { trial: 6, other: 3 } as const;

/** What a review decided: the document was extended, replaced by another, or left to lapse. */
export const REVIEW_OUTCOMES = ['EXTENDED', 'REPLACED', 'LAPSES'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/**
 * The day a review of a document falls due, or null when it has no end date (nothing to review).
 * Calendar months back from the last day in force; a day missing in the target month clamps to
 * that month's last day (2026-08-31 − 6 months = 2026-02-28).
 */
export function reviewDueOn(policy: {
  expiresOn: PlainDate | null;
  isTrial: boolean;
}): PlainDate | null {
  if (policy.expiresOn === null) return null;
  const months = policy.isTrial ? REVIEW_MONTHS_BEFORE.trial : REVIEW_MONTHS_BEFORE.other;
  return addMonths(policy.expiresOn, -months);
}

/** Overdue on `asOf`: still without an outcome after its due day. */
export function isReviewOverdue(
  task: { dueOn: PlainDate; outcome: ReviewOutcome | null },
  asOf: PlainDate,
): boolean {
  return task.outcome === null && compareDates(asOf, task.dueOn) > 0;
}

/**
 * Checks a resolution: REPLACED names the replacing document (`replacedBy`, already resolved to a
 * known number by the caller); EXTENDED and LAPSES name none. Returns the number to store.
 */
export function checkReviewResolution(
  outcome: ReviewOutcome,
  replacedBy: string | null | undefined,
  ownDocNo: string,
): string | null {
  const other = replacedBy?.trim() ? replacedBy.trim() : null;
  if (outcome === 'REPLACED') {
    if (!other)
      throw badInput('replacedBy', 'outcome 为 REPLACED(被替代)时须填写替代文件的文号 replacedBy');
    if (other === ownDocNo) throw badInput('replacedBy', `文件不能被自身替代:${other}`);
    return other;
  }
  if (other)
    throw badInput(
      'replacedBy',
      `只有 outcome 为 REPLACED(被替代)时才填写 replacedBy;当前为 ${outcome}`,
    );
  return null;
}

/**
 * The tables that will have no published version in force the day after the document's end
 * (`endsOn`): their rates stop with the document unless a new version is published.
 */
export function tablesLeftWithoutRates<T extends Pick<RateTable, 'versions' | 'policy'>>(
  tables: readonly T[],
  endsOn: PlainDate,
): T[] {
  const dayAfter = addDays(endsOn, 1);
  return tables.filter((table) => versionInForce(table, dayAfter) === null);
}
