// The audit log's unfiltered page (auditEntriesPage without a filter, the dashboard's usual read):
// one prepared statement on the client's pg pool instead of Prisma's findMany, reading only the
// columns Pothos asks for (select mode), in Prisma's shapes (`at` as a Date). The total is counted
// beside it by services/paging.ts. test/audit-read.test.ts compares it with Prisma's answer.
import { directSql, type PrismaClient } from '@gazette/db';
import { EXACT_COUNT_LIMIT, epochMillisSql, statementName, unfilteredTotalSql } from '../paging.ts';

/**
 * The columns every read of an entry takes (the AuditEntry type's select-mode `select`): the
 * small ones; the JSON before and after only when a field asks for them.
 */
export const AUDIT_ENTRY_SELECT = {
  publicId: true,
  at: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entity: true,
  entityId: true,
} as const;

/** Columns the fast path reads: the page's scalar columns (not the JSON before and after). */
const COLUMNS: ReadonlySet<string> = new Set(['id', ...Object.keys(AUDIT_ENTRY_SELECT)]);
/** The sorts auditEntriesPage offers. */
const SORTS: ReadonlySet<string> = new Set(['at', 'entity', 'action', 'actorLabel']);

export interface AuditPageArgs {
  skip: number;
  take: number;
  orderBy: Record<string, 'asc' | 'desc'>;
}

/**
 * The columns Pothos' select-mode query asks for, when readAuditPage answers it (only columns
 * above, no relation, no other argument); null otherwise.
 */
export function auditPageColumns(query: object): string[] | null {
  const { select, ...rest } = query as { select?: Record<string, unknown> };
  if (Object.keys(rest).length > 0 || !select) return null;
  const columns = Object.keys(select);
  if (!columns.every((c) => COLUMNS.has(c) && select[c] === true)) return null;
  return columns.sort();
}

/** The checked sort and select list of a page (everything that goes into a statement's text). */
function pageParts(columns: readonly string[], orderBy: Record<string, 'asc' | 'desc'>) {
  const [[field, order] = []] = Object.entries(orderBy);
  // Everything that goes into the statement's text is checked against fixed lists.
  if (!field || !SORTS.has(field)) throw new Error(`not an audit sort: ${String(field)}`);
  if (columns.length === 0 || !columns.every((c) => COLUMNS.has(c)))
    throw new Error(`not audit page columns: ${columns.join(',')}`);
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  // The sort column and the id are always read: the aggregate orders the entries by them as the
  // page did. The id is a bigint: as text, so JSON never rounds it (cast back to sort). `at` comes
  // as epoch milliseconds (a timestamp(3) is exact in a double): a Date from a number is cheaper
  // than one parsed from text.
  const list = [...new Set([...columns, field, 'id'])]
    .sort()
    .map((c) =>
      c === 'id' ? 'e.id::text AS id' : c === 'at' ? epochMillisSql('e', 'at') : `e."${c}"`,
    )
    .join(', ');
  return {
    list,
    sort: `e."${field}" ${dir}, e.id DESC`,
    aggregateSort: `x."${field}" ${dir}, x.id::bigint DESC`,
  };
}

/** An entry of the json array in Prisma's shapes. */
function entryOf(e: Record<string, unknown>): Record<string, unknown> {
  // timestamp(3) (UTC without a zone) as Prisma gives it.
  if ('at' in e) e.at = new Date(e.at as number);
  if ('id' in e) e.id = BigInt(e.id as string);
  return e;
}

/**
 * The page as one JSON array in page order (json, not jsonb: PostgreSQL only prints it, about
 * 0.18 ms for 25 entries and the count against 0.28 ms as jsonb with a row number to sort by).
 */
function pageJsonSql({ list, sort, aggregateSort }: ReturnType<typeof pageParts>): string {
  return `coalesce((SELECT json_agg(x ORDER BY ${aggregateSort}) FROM (SELECT ${list}
      FROM "AuditEntry" e ORDER BY ${sort} LIMIT $1 OFFSET $2) x), '[]'::json)`;
}

/**
 * What `auditEntry.findMany({ select, skip, take, orderBy: [orderBy, { id: 'desc' }] })` gives
 * for an unfiltered page, in one statement (one prepared statement per column set and sort).
 */
export async function readAuditPage(
  prisma: PrismaClient,
  columns: readonly string[],
  { skip, take, orderBy }: AuditPageArgs,
): Promise<Record<string, unknown>[]> {
  const text = `SELECT ${pageJsonSql(pageParts(columns, orderBy))} AS entries`;
  const [row] = await directSql(prisma).query<{ entries: Record<string, unknown>[] }>({
    name: statementName('gazette_audit_page', text),
    text,
    values: [take, skip],
  });
  return row!.entries.map(entryOf);
}

/**
 * readAuditPage and the unfiltered total (paging.ts' totalCount: an estimate past
 * EXACT_COUNT_LIMIT rows, else exact) in ONE statement: the dashboard's page of the log.
 */
export async function readAuditPageCounted(
  prisma: PrismaClient,
  columns: readonly string[],
  { skip, take, orderBy }: AuditPageArgs,
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const text = `SELECT (${unfilteredTotalSql('AuditEntry', '$3')}) AS n,
    ${pageJsonSql(pageParts(columns, orderBy))} AS entries`;
  const [row] = await directSql(prisma).query<{ n: string; entries: Record<string, unknown>[] }>({
    name: statementName('gazette_audit_counted', text),
    text,
    values: [take, skip, EXACT_COUNT_LIMIT],
  });
  return { rows: row!.entries.map(entryOf), total: Number(row!.n) };
}
