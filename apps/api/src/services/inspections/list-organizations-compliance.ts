// Every body named in a quarter's round with its findings counted (the compliance table):
// one statement of per-body aggregates joined to the bodies.
import type { AdoptionRating } from '@gazette/domain';
import type { Organization, PrismaClient } from '@gazette/db';
import {
  ORGANIZATION_COLUMNS,
  organizationOf,
  type OrganizationColumns,
} from './organization-columns.ts';

export interface OrganizationComplianceRow {
  organization: Organization;
  websiteIssues: number;
  websiteIssuesRectified: number;
  newMediaIssues: number;
  newMediaIssuesRectified: number;
  baseDataMissing: boolean;
  processDataMissing: boolean;
  adoption: AdoptionRating | null;
}

interface Row extends OrganizationColumns {
  w_total: number;
  w_rectified: number;
  n_total: number;
  n_rectified: number;
  base: boolean;
  process: boolean;
  adoption: AdoptionRating | null;
}

/** `quarter` already normalised; bodies by name in Chinese order; [] when the quarter has no round. */
export async function listOrganizationsCompliance(
  db: PrismaClient,
  quarter: string,
): Promise<OrganizationComplianceRow[]> {
  const rows = await db.$queryRaw<Row[]>`
    WITH r AS (SELECT id FROM "InspectionRound" WHERE quarter = ${quarter}),
    w AS (SELECT f."organizationId" AS org, count(*)::int AS total, (count(*) FILTER (WHERE f.rectified))::int AS rectified
          FROM "WebsiteFinding" f JOIN r ON r.id = f."roundId" GROUP BY f."organizationId"),
    n AS (SELECT f."organizationId" AS org, count(*)::int AS total, (count(*) FILTER (WHERE f.rectified))::int AS rectified
          FROM "NewMediaFinding" f JOIN r ON r.id = f."roundId" GROUP BY f."organizationId"),
    g AS (SELECT x."organizationId" AS org, bool_or(x.kind = 'BASE') AS base, bool_or(x.kind = 'PROCESS') AS process
          FROM "DataCollectionGap" x JOIN r ON r.id = x."roundId" GROUP BY x."organizationId"),
    a AS (SELECT DISTINCT ON (x."organizationId") x."organizationId" AS org, x.rating::text AS rating
          FROM "InformationAdoption" x JOIN r ON r.id = x."roundId" ORDER BY x."organizationId", x.position),
    bodies AS (SELECT org FROM w UNION SELECT org FROM n UNION SELECT org FROM g UNION SELECT org FROM a)
    SELECT ${ORGANIZATION_COLUMNS},
           coalesce(w.total, 0) AS w_total, coalesce(w.rectified, 0) AS w_rectified,
           coalesce(n.total, 0) AS n_total, coalesce(n.rectified, 0) AS n_rectified,
           coalesce(g.base, false) AS base, coalesce(g.process, false) AS process, a.rating AS adoption
    FROM bodies b
    JOIN "Organization" o ON o.id = b.org
    LEFT JOIN w ON w.org = b.org
    LEFT JOIN n ON n.org = b.org
    LEFT JOIN g ON g.org = b.org
    LEFT JOIN a ON a.org = b.org`;
  return rows
    .map((r) => ({
      organization: organizationOf(r),
      websiteIssues: r.w_total,
      websiteIssuesRectified: r.w_rectified,
      newMediaIssues: r.n_total,
      newMediaIssuesRectified: r.n_rectified,
      baseDataMissing: r.base,
      processDataMissing: r.process,
      adoption: r.adoption,
    }))
    .sort((a, b) => a.organization.name.localeCompare(b.organization.name, 'zh'));
}
