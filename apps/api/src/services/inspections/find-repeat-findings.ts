// Repeat findings over every quarter, computed in SQL on the keys each finding is stored with
// (findingKeys of the domain, written with the finding): each round's distinct (body, subject,
// issue) occurrences, read from the (round, body, subject, issue) index, are joined to the same
// occurrences of the previous quarter's round; each such link is one consecutive pair, and runs
// of links (gaps-and-islands) are the runs of two or more quarters, with their bodies joined.
// No text is normalised at read time, and only occurrences found again are carried past the join.
// One statement whatever the history's length, but it reads every quarter: for a page or a
// quarter, list-repeat-finding-runs.ts reads only what its answer needs.
import { compareRepeatFindings, type FindingChannel, type RepeatFinding } from '@gazette/domain';
import { Prisma, type Organization, type PrismaClient } from '@gazette/db';
import {
  ORGANIZATION_COLUMNS,
  organizationOf,
  type OrganizationColumns,
} from './organization-columns.ts';

export interface RepeatRunRow extends OrganizationColumns {
  channel: FindingChannel;
  subject: string;
  issue: string;
  quarters: string[];
}

export type RepeatFindingWithBody = RepeatFinding & { organization: Organization };

/** A run read by SQL, with its body. */
export function repeatRunOf(r: RepeatRunRow): RepeatFindingWithBody {
  return {
    organizationId: r.o_id,
    channel: r.channel,
    subject: r.subject,
    issue: r.issue,
    quarters: r.quarters,
    organization: organizationOf(r),
  };
}

/** A finding table's distinct occurrences per round; the issue left out when it need not match. */
const occurrences = (
  table: 'WebsiteFinding' | 'NewMediaFinding',
  matchIssue: boolean,
  organizationId: string | null,
) =>
  Prisma.sql`SELECT DISTINCT "roundId", "organizationId" AS org, "subjectKey" AS subject,
    ${matchIssue ? Prisma.sql`"issueKey"` : Prisma.sql`''::text`} AS issue FROM ${Prisma.raw(`"${table}"`)}
    ${organizationId ? Prisma.sql`WHERE "organizationId" = ${organizationId}` : Prisma.empty}`;

export async function findRepeatFindings(
  db: PrismaClient,
  options: { matchIssue: boolean; organizationId?: string | null },
): Promise<RepeatFindingWithBody[]> {
  const org = options.organizationId ?? null;
  const rows = await db.$queryRaw<RepeatRunRow[]>`
    WITH rounds AS MATERIALIZED (
      SELECT r.id, r.quarter, p.id AS prev, p.quarter AS prev_quarter,
             substr(r.quarter, 1, 4)::int * 4 + substr(r.quarter, 6, 1)::int AS q
      FROM "InspectionRound" r
      JOIN "InspectionRound" p ON p.quarter = CASE substr(r.quarter, 6, 1)
        WHEN '1' THEN (substr(r.quarter, 1, 4)::int - 1)::text || 'Q4'
        ELSE substr(r.quarter, 1, 5) || (substr(r.quarter, 6, 1)::int - 1)::text END),
    w AS MATERIALIZED (${occurrences('WebsiteFinding', options.matchIssue, org)}),
    n AS MATERIALIZED (${occurrences('NewMediaFinding', options.matchIssue, org)}),
    links AS (
      SELECT f.org, 'WEBSITE' AS channel, f.subject, f.issue, r.q, r.quarter, r.prev_quarter
      FROM rounds r JOIN w f ON f."roundId" = r.id
      JOIN w g ON g."roundId" = r.prev AND g.org = f.org AND g.subject = f.subject AND g.issue = f.issue
      UNION ALL
      SELECT f.org, 'NEW_MEDIA', f.subject, f.issue, r.q, r.quarter, r.prev_quarter
      FROM rounds r JOIN n f ON f."roundId" = r.id
      JOIN n g ON g."roundId" = r.prev AND g.org = f.org AND g.subject = f.subject AND g.issue = f.issue),
    islands AS (
      SELECT *, q - row_number() OVER (PARTITION BY org, channel, subject, issue ORDER BY q) AS island FROM links),
    runs AS (
      SELECT org, channel, subject, issue,
             (array_agg(prev_quarter ORDER BY q))[1:1] || array_agg(quarter ORDER BY q) AS quarters
      FROM islands GROUP BY org, channel, subject, issue, island)
    SELECT runs.channel, runs.subject, runs.issue, runs.quarters, ${ORGANIZATION_COLUMNS}
    FROM runs JOIN "Organization" o ON o.id = runs.org`;
  return rows.map(repeatRunOf).sort(compareRepeatFindings);
}
