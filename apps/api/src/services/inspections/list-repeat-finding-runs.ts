// Repeat findings a page or a quarter at a time, so a request costs what its answer needs whatever
// the history's length (issue 9). A run is found from its keys (organisation, channel, stored
// subject and issue keys) by index probes on (round, body, subject, issue), one quarter at a time:
//
// - scoped to a quarter Q: the occurrences of Q's round also found in Q-1 or Q+1 are the runs
//   that include Q; each is walked back to its first quarter;
// - unscoped: quarters are read from the cursor's first quarter onward, in order, taking the
//   occurrences that start a run there (found in the next quarter, not in the previous one); the
//   sort is incremental by quarter, so reading stops once the page is full;
//
// then each run of the page is walked forward to its last quarter. One query (in a transaction
// that turns JIT off for it); the order is first quarter, organisation id, subject, channel,
// issue (text by code point), as a keyset.
import { badInput, type FindingChannel } from '@gazette/domain';
import { Prisma, type PrismaClient } from '@gazette/db';
import { ORGANIZATION_COLUMNS } from './organization-columns.ts';
import {
  repeatRunOf,
  type RepeatFindingWithBody,
  type RepeatRunRow,
} from './find-repeat-findings.ts';

/** Where a page starts: the sort key of the last run of the previous page. */
export interface RunCursor {
  firstQuarter: string;
  organizationId: string;
  subject: string;
  channel: FindingChannel;
  issue: string;
}

export interface RepeatFindingRunsOptions {
  matchIssue: boolean;
  /** Only runs that include this quarter (normalised, e.g. 2024Q4). */
  quarter?: string | null;
  /** Only this body's runs (a raw id). */
  organizationId?: string | null;
  after?: RunCursor | null;
  /** At most this many runs; null: every run in scope. */
  limit: number | null;
}

const ordinal = (quarter: string) => Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5, 6));

export function encodeRunCursor(run: RepeatFindingWithBody): string {
  const key = [run.quarters[0], run.organizationId, run.subject, run.channel, run.issue];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor back to its key; anything else is BAD_USER_INPUT on `after`. */
export function decodeRunCursor(cursor: string): RunCursor {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (
    !Array.isArray(key) ||
    key.length !== 5 ||
    !key.every((k) => typeof k === 'string') ||
    !/^\d{4}Q[1-4]$/u.test(String(key[0])) ||
    (key[3] !== 'WEBSITE' && key[3] !== 'NEW_MEDIA')
  ) {
    throw badInput('after', `after 不是有效的游标:${cursor}`);
  }
  const [firstQuarter, organizationId, subject, channel, issue] = key as string[];
  return {
    firstQuarter: firstQuarter!,
    organizationId: organizationId!,
    subject: subject!,
    channel: channel as FindingChannel,
    issue: issue!,
  };
}

/** The rounds, each with its quarter's ordinal `q` (consecutive quarters differ by 1). */
export const ROUNDS = Prisma.sql`rq AS MATERIALIZED (
      SELECT id, quarter, substr(quarter, 1, 4)::int * 4 + substr(quarter, 6, 1)::int AS q
      FROM "InspectionRound")`;

/** SQL over `rq` that finds a run's keys by index probes: `org` narrows to one body (a raw id). */
export function runProbes(matchIssue: boolean, org: string | null) {
  /** Whether the key `k` occurs in round `round` (an index probe of its channel's table). */
  const occursIn = (round: Prisma.Sql, k: string) => {
    const probe = (
      table: string,
    ) => Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${table}"`)} hit
      WHERE hit."roundId" = ${round} AND hit."organizationId" = ${Prisma.raw(k)}.org
        AND hit."subjectKey" = ${Prisma.raw(k)}.subject
        ${matchIssue ? Prisma.sql`AND hit."issueKey" = ${Prisma.raw(k)}.issue` : Prisma.empty})`;
    return Prisma.sql`(CASE ${Prisma.raw(k)}.channel WHEN 'WEBSITE' THEN ${probe('WebsiteFinding')}
      ELSE ${probe('NewMediaFinding')} END)`;
  };
  /** Whether `k` occurs in the round of the quarter `q` (false when there is none). */
  const occursAt = (q: Prisma.Sql, k: string) =>
    Prisma.sql`coalesce((SELECT ${occursIn(Prisma.sql`x.id`, k)} FROM rq x WHERE x.q = ${q}), false)`;
  /** The distinct occurrences of a round, of the one body when scoped. */
  const occurrences = (round: Prisma.Sql) => {
    const one = (table: string, channel: string) =>
      Prisma.sql`SELECT DISTINCT "organizationId" AS org, ${channel}::text AS channel,
        "subjectKey" AS subject, ${matchIssue ? Prisma.sql`"issueKey"` : Prisma.sql`''::text`} AS issue
      FROM ${Prisma.raw(`"${table}"`)} WHERE "roundId" = ${round}
      ${org ? Prisma.sql`AND "organizationId" = ${org}` : Prisma.empty}`;
    return Prisma.sql`(${one('WebsiteFinding', 'WEBSITE')} UNION ALL ${one('NewMediaFinding', 'NEW_MEDIA')})`;
  };
  /**
   * The keys of the runs that include `quarter`, one row each: the quarter's occurrences also
   * found in the quarter before or after it (a key has one run through a quarter).
   */
  const throughQuarter = (quarter: string) => Prisma.sql`
      SELECT o.* FROM rq cur CROSS JOIN LATERAL ${occurrences(Prisma.sql`cur.id`)} o
      WHERE cur.q = ${ordinal(quarter)}::int
        AND (${occursAt(Prisma.sql`cur.q - 1`, 'o')} OR ${occursAt(Prisma.sql`cur.q + 1`, 'o')})`;
  return { occursIn, occursAt, occurrences, throughQuarter };
}

export async function listRepeatFindingRuns(
  db: PrismaClient,
  options: RepeatFindingRunsOptions,
): Promise<RepeatFindingWithBody[]> {
  const { matchIssue, after } = options;
  // One more than the page, so the caller knows whether another page follows.
  const take = options.limit === null ? 2_147_483_647 : options.limit + 1;
  const { occursIn, occursAt, occurrences, throughQuarter } = runProbes(
    matchIssue,
    options.organizationId ?? null,
  );
  const keyset = after
    ? Prisma.sql`(s.q, s.org COLLATE "C", s.subject COLLATE "C", s.channel COLLATE "C", s.issue COLLATE "C")
        > (${ordinal(after.firstQuarter)}::int, ${after.organizationId}::text, ${after.subject}::text,
           ${after.channel}::text, ${after.issue}::text)`
    : Prisma.sql`true`;
  const order = Prisma.sql`q, org COLLATE "C", subject COLLATE "C", channel COLLATE "C", issue COLLATE "C"`;
  /** Runs starting at quarter `q` past the cursor: found in q+1 and not in q-1. */
  const startsAt = (q: Prisma.Sql) => Prisma.sql`SELECT * FROM (
      SELECT cur.q, o.org, o.channel, o.subject, o.issue
      FROM rq cur CROSS JOIN LATERAL ${occurrences(Prisma.sql`cur.id`)} o
      WHERE cur.q = ${q} AND ${occursAt(Prisma.sql`cur.q + 1`, 'o')}
        AND NOT ${occursAt(Prisma.sql`cur.q - 1`, 'o')}) s
    WHERE ${keyset}`;

  const starts = options.quarter
    ? Prisma.sql`
    here AS MATERIALIZED (${throughQuarter(options.quarter)}),
    back AS (
      SELECT here.*, ${ordinal(options.quarter)}::int AS q FROM here
      UNION ALL
      SELECT b.org, b.channel, b.subject, b.issue, p.q FROM back b JOIN rq p ON p.q = b.q - 1
      WHERE ${occursIn(Prisma.sql`p.id`, 'b')}),
    page AS (
      SELECT * FROM (SELECT min(q) AS q, org, channel, subject, issue FROM back
                     GROUP BY org, channel, subject, issue) s
      WHERE ${keyset} ORDER BY ${order} LIMIT ${take}),`
    : Prisma.sql`
    page AS (
      SELECT s.* FROM (SELECT q FROM rq WHERE q >= ${after ? ordinal(after.firstQuarter) : 0}::int) w
      CROSS JOIN LATERAL (${startsAt(Prisma.sql`w.q`)}) s
      ORDER BY ${order} LIMIT ${take}),`;

  // The planner's estimates for the recursive walks are far above jit_above_cost: the client's
  // connections run without JIT (createPrismaClient), or compiling would cost a second.
  const rows = await db.$queryRaw<RepeatRunRow[]>`
    WITH RECURSIVE
    ${ROUNDS},
    ${starts}
    fwd AS (
      SELECT org, channel, subject, issue, q AS q0, q FROM page
      UNION ALL
      SELECT f.org, f.channel, f.subject, f.issue, f.q0, n.q FROM fwd f JOIN rq n ON n.q = f.q + 1
      WHERE ${occursIn(Prisma.sql`n.id`, 'f')}),
    runs AS (
      SELECT f.org, f.channel, f.subject, f.issue, f.q0, array_agg(r.quarter ORDER BY f.q) AS quarters
      FROM fwd f JOIN rq r ON r.q = f.q GROUP BY f.org, f.channel, f.subject, f.issue, f.q0)
    SELECT runs.channel, runs.subject, runs.issue, runs.quarters, runs.q0, ${ORGANIZATION_COLUMNS}
    FROM runs JOIN "Organization" o ON o.id = runs.org
    ORDER BY runs.q0, runs.org COLLATE "C", runs.subject COLLATE "C", runs.channel COLLATE "C",
      runs.issue COLLATE "C"`;
  return rows.map(repeatRunOf);
}
