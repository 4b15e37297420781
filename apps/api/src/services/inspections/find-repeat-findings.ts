// Repeat findings over every quarter, computed in SQL: each round's findings reduced to distinct
// (body, channel, subject, issue) occurrences with the domain's whitespace and subject rules,
// runs of consecutive quarters found as gaps-and-islands, and only the runs of two or more
// quarters returned, with their bodies joined. One statement whatever the history's length.
import {
  compareRepeatFindings,
  FINDING_SUBJECT_PATTERN,
  FINDING_WHITESPACE_CLASS,
  type FindingChannel,
  type RepeatFinding,
} from '@gazette/domain';
import type { Organization, PrismaClient } from '@gazette/db';
import {
  ORGANIZATION_COLUMNS,
  organizationOf,
  type OrganizationColumns,
} from './organization-columns.ts';

interface Row extends OrganizationColumns {
  channel: FindingChannel;
  subject: string;
  issue: string;
  quarters: string[];
}

export type RepeatFindingWithBody = RepeatFinding & { organization: Organization };

export async function findRepeatFindings(
  db: PrismaClient,
  options: { matchIssue: boolean },
): Promise<RepeatFindingWithBody[]> {
  const ws = `[${FINDING_WHITESPACE_CLASS}]+`;
  const rows = await db.$queryRaw<Row[]>`
    WITH website AS (
      SELECT f."organizationId" AS org, r.quarter, regexp_replace(f.description, ${ws}, '', 'g') AS text
      FROM "WebsiteFinding" f JOIN "InspectionRound" r ON r.id = f."roundId"),
    occurrences AS (
      SELECT DISTINCT org, quarter, 'WEBSITE' AS channel,
             coalesce(substring(text FROM ${FINDING_SUBJECT_PATTERN}), '') AS subject,
             CASE WHEN ${options.matchIssue}
                  THEN substr(text, char_length(coalesce(substring(text FROM ${FINDING_SUBJECT_PATTERN}), '')) + 1)
                  ELSE '' END AS issue
      FROM website
      UNION
      SELECT f."organizationId", r.quarter, 'NEW_MEDIA',
             regexp_replace(f.account, ${ws}, '', 'g'),
             CASE WHEN ${options.matchIssue} THEN regexp_replace(f.description, ${ws}, '', 'g') ELSE '' END
      FROM "NewMediaFinding" f JOIN "InspectionRound" r ON r.id = f."roundId"),
    numbered AS (
      SELECT *, substr(quarter, 1, 4)::int * 4 + substr(quarter, 6, 1)::int AS q FROM occurrences),
    islands AS (
      SELECT *, q - row_number() OVER (PARTITION BY org, channel, subject, issue ORDER BY q) AS island FROM numbered),
    runs AS (
      SELECT org, channel, subject, issue, array_agg(quarter ORDER BY q) AS quarters
      FROM islands GROUP BY org, channel, subject, issue, island HAVING count(*) >= 2)
    SELECT runs.channel, runs.subject, runs.issue, runs.quarters, ${ORGANIZATION_COLUMNS}
    FROM runs JOIN "Organization" o ON o.id = runs.org`;
  return rows
    .map((r) => ({
      organizationId: r.o_id,
      channel: r.channel,
      subject: r.subject,
      issue: r.issue,
      quarters: r.quarters,
      organization: organizationOf(r),
    }))
    .sort(compareRepeatFindings);
}
