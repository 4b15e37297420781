// A quarter's compliance figures (or every quarter's): the finding counts are the round's tally,
// which the database maintains as findings are written (InspectionRoundTally), so no finding is
// read; two statements whatever the number of quarters or findings.
import {
  complianceSummaryOf,
  type ComplianceCounts,
  type ComplianceSummary,
} from '@gazette/domain';
import { Prisma, type Organization, type PrismaClient } from '@gazette/db';
import {
  ORGANIZATION_COLUMNS,
  organizationOf,
  type OrganizationColumns,
} from './organization-columns.ts';

export type LoadedComplianceSummary = ComplianceSummary & { orgs: Map<string, Organization> };

/** One round's figures and finding counts, as the aggregate query returns them. */
type CountsRow = Omit<ComplianceCounts, 'dataGaps'> & { id: string };

interface GapRow extends OrganizationColumns {
  roundId: string;
  kind: 'BASE' | 'PROCESS';
  position: number;
}

/**
 * `quarter` (already normalised): that quarter's summary, or none; null: every quarter, oldest
 * first, or with `last` only the most recent `last` quarters (still oldest first).
 */
export async function loadComplianceSummaries(
  db: PrismaClient,
  quarter: string | null,
  options: { last?: number | null } = {},
): Promise<LoadedComplianceSummary[]> {
  const which =
    quarter != null
      ? Prisma.sql`r.quarter = ${quarter}`
      : options.last != null
        ? Prisma.sql`r.quarter >= (SELECT min(x.quarter) FROM (SELECT quarter FROM "InspectionRound" ORDER BY quarter DESC LIMIT ${options.last}) x)`
        : Prisma.sql`TRUE`;
  const counts = await db.$queryRaw<CountsRow[]>`
    SELECT r.id, r.quarter, r."cityPortalsChecked", r."districtPortalsChecked", r."departmentSitesChecked",
           r."newMediaAccountsChecked", r."messagesReceived", r."messagesClosed",
           coalesce(t."websitesWithIssues", 0) AS "websitesWithIssues", coalesce(t."websiteIssues", 0) AS "websiteIssues",
           coalesce(t."websiteIssuesRectified", 0) AS "websiteIssuesRectified",
           coalesce(t."newMediaAccountsWithIssues", 0) AS "newMediaAccountsWithIssues"
    FROM "InspectionRound" r
    LEFT JOIN "InspectionRoundTally" t ON t."roundId" = r.id
    WHERE ${which}
    ORDER BY r.quarter ASC`;
  if (counts.length === 0) return [];
  const gaps = await db.$queryRaw<GapRow[]>`
    SELECT g."roundId", g.kind::text AS kind, g.position, ${ORGANIZATION_COLUMNS}
    FROM "DataCollectionGap" g
    JOIN "InspectionRound" r ON r.id = g."roundId"
    JOIN "Organization" o ON o.id = g."organizationId"
    WHERE ${which}
    ORDER BY g."roundId", g.position`;
  const byRound = new Map<string, GapRow[]>();
  for (const g of gaps) byRound.set(g.roundId, [...(byRound.get(g.roundId) ?? []), g]);
  return counts.map((c) => {
    const mine = byRound.get(c.id) ?? [];
    const dataGaps = mine.map((g) => ({
      organizationId: g.o_id,
      kind: g.kind,
      position: g.position,
    }));
    const orgs = new Map(mine.map((g) => [g.o_id, organizationOf(g)]));
    return { ...complianceSummaryOf({ ...c, dataGaps }), orgs };
  });
}
