// The contract's `Case` read: a case and its notices in one statement on the pg driver (a
// prepared statement, parsed once per connection), instead of two through Prisma's client. The
// rows come back in Prisma's own shapes (dates as Date at UTC midnight, timestamps as Date), so
// the schema's fields resolve them unchanged; test/case-read.test.ts compares them with Prisma's.
// The rows are built as `json`, not `jsonb`: PostgreSQL then only prints them (jsonb converts every
// value to its binary form first and sorts the keys): a first page of 25 cases aggregated as json
// takes about 0.17 ms in the database against 0.23 ms as jsonb.
import {
  directSql,
  Prisma,
  type DiscretionCase,
  type Notice,
  type PrismaClient,
} from '@gazette/db';
import { EXACT_COUNT_LIMIT, epochMillisSql, statementName, unfilteredTotalSql } from '../paging.ts';

export type CaseWithNotices = DiscretionCase & { notices: Notice[] };

const CASE_WITH_NOTICES = {
  name: 'gazette_case_with_notices',
  text: `SELECT to_json(c) AS "case",
      (SELECT coalesce(json_agg(n ORDER BY n.position), '[]'::json)
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

// A first page reads them as epoch milliseconds (pageParts): a Date from a number is cheaper than
// one parsed from text.
const day = (value: string | number | null) =>
  value === null ? null : new Date(typeof value === 'number' ? value : `${value}T00:00:00.000Z`);
const instant = (value: string | number) =>
  new Date(typeof value === 'number' ? value : `${value}Z`);

/** Converts the date and timestamp columns the row holds (a page may read only some columns). */
function withDates<T>(
  row: Record<string, unknown>,
  days: readonly string[],
  instants: readonly string[] = [],
): T {
  for (const key of days) if (key in row) row[key] = day(row[key] as string | number | null);
  for (const key of instants) if (key in row) row[key] = instant(row[key] as string | number);
  return row as T;
}

/** A case row as `to_json(c)` gives it, in Prisma's shape (shared by the case read and the list). */
function caseFromJson(row: Record<string, unknown>): DiscretionCase {
  for (const key of CASE_LISTS) if (key in row) row[key] ??= [];
  return withDates<DiscretionCase>(row, CASE_DAYS, CASE_INSTANTS);
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
  return {
    ...caseFromJson(row.case),
    notices: row.notices.map((n) => withDates<Notice>(n, NOTICE_DAYS)),
  };
}

/** Columns the `cases` list sorts by (its CaseSort fields), then by id. */
export type CaseSortColumn =
  'filedOn' | 'reviewDeadline' | 'caseName' | 'subjectName' | 'state' | 'createdAt' | 'updatedAt';
const PAGE_COLUMNS: ReadonlySet<string> = new Set<CaseSortColumn>([
  'filedOn',
  'reviewDeadline',
  'caseName',
  'subjectName',
  'state',
  'createdAt',
  'updatedAt',
]);

/** Date and timestamp columns a first page reads as epoch milliseconds (exact in a double). */
const EPOCH_COLUMNS: ReadonlySet<string> = new Set([...CASE_DAYS, ...CASE_INSTANTS]);

const CASE_COLUMNS: ReadonlySet<string> = new Set(
  Object.values(Prisma.DiscretionCaseScalarFieldEnum),
);

/**
 * The parts of a first-page statement, each checked against fixed lists (they go into its text):
 * the inner select list (`columns`, or every column when null; the sort column and id always
 * among them) and the sort of the rows it gives.
 */
function pageParts(
  column: CaseSortColumn,
  order: 'asc' | 'desc',
  columns: readonly string[] | null,
) {
  if (!PAGE_COLUMNS.has(column)) throw new Error(`not a case sort column: ${column}`);
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  let list = 'c.*';
  if (columns) {
    const all = [...new Set([...columns, column, 'id'])].sort();
    if (!all.every((c) => CASE_COLUMNS.has(c)))
      throw new Error(`not case columns: ${all.join(',')}`);
    list = all.map((c) => (EPOCH_COLUMNS.has(c) ? epochMillisSql('c', c) : `c."${c}"`)).join(', ');
  }
  const inner = `SELECT ${list} FROM "DiscretionCase" c ORDER BY c."${column}" ${dir}, c.id ASC LIMIT $1`;
  const outer = `x."${column}" ${dir}, x.id ASC`;
  return { inner, outer };
}

/**
 * The first `take` cases of the unfiltered `cases` list in `column` `order`, then id ascending:
 * what `discretionCase.findMany({ orderBy: [{ [column]: order }, { id: 'asc' }], take })` gives,
 * with only `columns` (every column when null), in one prepared statement per sort and column
 * set (parsed once per connection) instead of Prisma's compiler.
 */
export async function readFirstCases(
  prisma: PrismaClient,
  column: CaseSortColumn,
  order: 'asc' | 'desc',
  take: number,
  columns: readonly string[] | null = null,
): Promise<DiscretionCase[]> {
  const { inner, outer } = pageParts(column, order, columns);
  // One row holding the page as a JSON array: one JSON.parse in the driver, not a row each.
  const text = `SELECT coalesce(json_agg(x ORDER BY ${outer}), '[]'::json) AS cases FROM (${inner}) x`;
  const [row] = await directSql(prisma).query<{ cases: Record<string, unknown>[] }>({
    name: statementName('gazette_cases_first', text),
    text,
    values: [take],
  });
  return row!.cases.map(caseFromJson);
}

/**
 * readFirstCases and the unfiltered list's totalCount (paging.ts' totalCount: an estimate past
 * EXACT_COUNT_LIMIT rows, else exact) in ONE statement: the list's usual first page.
 */
export async function readFirstCasesCounted(
  prisma: PrismaClient,
  column: CaseSortColumn,
  order: 'asc' | 'desc',
  take: number,
  columns: readonly string[] | null = null,
): Promise<{ cases: DiscretionCase[]; total: number }> {
  const { inner, outer } = pageParts(column, order, columns);
  const text = `SELECT (${unfilteredTotalSql('DiscretionCase', '$2')}) AS n,
      coalesce((SELECT json_agg(x ORDER BY ${outer}) FROM (${inner}) x), '[]'::json) AS cases`;
  const [row] = await directSql(prisma).query<{ n: string; cases: Record<string, unknown>[] }>({
    name: statementName('gazette_cases_counted', text),
    text,
    values: [take, EXACT_COUNT_LIMIT],
  });
  return { cases: row!.cases.map(caseFromJson), total: Number(row!.n) };
}

/**
 * Whether Pothos' query for a `cases` connection is a first page readFirstCases answers: a
 * forward page (take > 0, no cursor) whose nodes ask only for the case's own columns.
 */
export function firstCasesTake(query: object): number | null {
  const { take, skip, cursor, ...selection } = query as {
    take?: unknown;
    skip?: unknown;
    cursor?: unknown;
  };
  if (cursor !== undefined || (skip !== undefined && skip !== 0)) return null;
  if (typeof take !== 'number' || !Number.isInteger(take) || take <= 0) return null;
  return Object.keys(selection).length === 0 ? take : null;
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
  // Exactly `{ orderBy: { position: 'asc' } }` (the notices relation's own query).
  const notices = include.notices as { orderBy?: Record<string, unknown> } | null;
  if (!notices || typeof notices !== 'object' || Object.keys(notices).length !== 1) return false;
  const orderBy = notices.orderBy;
  return (
    !!orderBy &&
    typeof orderBy === 'object' &&
    Object.keys(orderBy).length === 1 &&
    orderBy.position === 'asc'
  );
}
