// The contract's `Case` read: a case and its notices in one statement on the pg driver (a
// prepared statement, parsed once per connection), instead of two through Prisma's client. The
// rows come back in Prisma's own shapes (dates as Date at UTC midnight, timestamps as Date), so
// the schema's fields resolve them unchanged; test/case-read.test.ts compares them with Prisma's.
import { directSql, type DiscretionCase, type Notice, type PrismaClient } from '@gazette/db';

export type CaseWithNotices = DiscretionCase & { notices: Notice[] };

const CASE_WITH_NOTICES = {
  name: 'gazette_case_with_notices',
  text: `SELECT to_jsonb(c) AS "case",
      (SELECT coalesce(jsonb_agg(to_jsonb(n) ORDER BY n.position), '[]'::jsonb)
         FROM "Notice" n WHERE n."caseId" = c.id) AS notices
    FROM "DiscretionCase" c WHERE c.id = $1`,
} as const;

// Columns whose JSON text becomes a Date: PostgreSQL `date` (Asia/Shanghai calendar days, kept
// as UTC midnight as Prisma does) and `timestamp(3)` (UTC without a zone).
const CASE_DAYS = ['caseFiledOn', 'filedOn', 'acceptedOn', 'reviewDeadline'] as const;
const CASE_INSTANTS = ['createdAt', 'updatedAt'] as const;
const NOTICE_DAYS = ['issuedOn'] as const;
// Enum arrays: a NULL column is an empty list to Prisma.
const CASE_LISTS = ['conditionsMet', 'exclusions'] as const;

const day = (text: string | null) => (text === null ? null : new Date(`${text}T00:00:00.000Z`));
const instant = (text: string) => new Date(`${text}Z`);

function withDates<T>(
  row: Record<string, unknown>,
  days: readonly string[],
  instants: readonly string[] = [],
): T {
  for (const key of days) row[key] = day(row[key] as string | null);
  for (const key of instants) row[key] = instant(row[key] as string);
  return row as T;
}

/** The case with its notices in issue order, or null; one statement. */
export async function readCaseWithNotices(
  prisma: PrismaClient,
  id: string,
): Promise<CaseWithNotices | null> {
  const [row] = await directSql(prisma).query<{
    case: Record<string, unknown>;
    notices: Record<string, unknown>[];
  }>({ ...CASE_WITH_NOTICES, values: [id] });
  if (!row) return null;
  for (const key of CASE_LISTS) row.case[key] ??= [];
  return {
    ...withDates<DiscretionCase>(row.case, CASE_DAYS, CASE_INSTANTS),
    notices: row.notices.map((n) => withDates<Notice>(n, NOTICE_DAYS)),
  };
}

/**
 * Whether Pothos' query for a `case` selection asks for nothing readCaseWithNotices does not
 * answer: the case's own columns and at most its notices in issue order, with no nested relation.
 */
export function answersCaseQuery(query: object): boolean {
  const keys = Object.keys(query);
  if (keys.length === 0) return true;
  if (keys.length !== 1 || keys[0] !== 'include') return false;
  const include = (query as { include: Record<string, unknown> }).include;
  const relations = Object.keys(include);
  if (relations.length === 0) return true;
  if (relations.length !== 1 || relations[0] !== 'notices') return false;
  return JSON.stringify(include.notices) === JSON.stringify({ orderBy: { position: 'asc' } });
}
