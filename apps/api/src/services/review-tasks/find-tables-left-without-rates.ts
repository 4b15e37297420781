import { fromUtcMidnight, rateTableFromRows, tablesLeftWithoutRates } from '@gazette/domain';
import type { Prisma } from '@gazette/db';

const POLICY_VALIDITY = {
  docNo: true,
  effectiveFrom: true,
  expiresOn: true,
  isTrial: true,
  repealedOn: true,
  repealedBy: { select: { docNo: true } },
} as const;

type Db = Pick<Prisma.TransactionClient, 'rateTable'>;

/**
 * Ids of the tables set by the document (or re-issued by it) that have nothing published in force
 * the day after `endsOn` (the domain's tablesLeftWithoutRates); none without an end.
 */
export async function findTablesLeftWithoutRates(
  db: Db,
  policyId: string,
  endsOn: Date | null,
): Promise<string[]> {
  if (!endsOn) return [];
  const rows = await db.rateTable.findMany({
    where: { OR: [{ policyId }, { versions: { some: { policyId } } }] },
    select: {
      id: true,
      policy: { select: POLICY_VALIDITY },
      versions: {
        where: { status: 'PUBLISHED' },
        select: {
          id: true,
          effectiveFrom: true,
          effectiveTo: true,
          status: true,
          policy: { select: POLICY_VALIDITY },
        },
      },
    },
  });
  const tables = rows.map((r) => ({
    ...rateTableFromRows(
      { key: '', kind: 'MEDICAL_SERVICE_PRICE', name: '', dimensions: [] },
      r.policy,
      r.versions,
    ),
    tableId: r.id,
  }));
  return tablesLeftWithoutRates(tables, fromUtcMidnight(endsOn)).map((t) => t.tableId);
}
