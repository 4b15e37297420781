// A table with its published versions' ranges and documents (no entries): what choosing a version
// and superseding one need. One statement however long the history is (a few small rows each).
import { rateTableFromRows, type RateTable } from '@gazette/domain';
import type { Tx } from '../../schema/write-helpers.ts';

/** What decides how long a document's rates apply: its range, trial, and a repeal. */
export const POLICY_VALIDITY = {
  docNo: true,
  effectiveFrom: true,
  expiresOn: true,
  isTrial: true,
  repealedOn: true,
  repealedBy: { select: { docNo: true } },
} as const;

export async function tableRanges(
  db: Pick<Tx, 'rateTable'>,
  where: { id: string } | { key: string },
): Promise<RateTable | null> {
  const row = await db.rateTable.findUnique({
    where,
    include: {
      policy: { select: POLICY_VALIDITY },
      versions: {
        where: { status: 'PUBLISHED' },
        select: {
          id: true,
          label: true,
          effectiveFrom: true,
          effectiveTo: true,
          status: true,
          note: true,
          basedOnId: true,
          policy: { select: POLICY_VALIDITY },
        },
      },
    },
  });
  return row ? rateTableFromRows(row, row.policy) : null;
}
