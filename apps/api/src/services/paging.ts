import { badInput } from '@gazette/domain';
import { directSql } from '@gazette/db';
import type { GazetteContext } from '../context.ts';
import { sha256Hex } from '../platform/sha256.ts';
import { countRemembered } from '../platform/totals-cache.ts';

/** react-admin's getList shape: a page number from 1, a page size, one sort field and a filter. */
export interface PageInput<F> {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: 'ASC' | 'DESC' | null;
  filter?: F | null;
}

/**
 * The one size limit of every list: `first`/`last` of a Relay connection and `perPage` of an
 * offset page (the dashboard's) are at most this.
 */
export const MAX_PAGE_SIZE = 100;

/**
 * The one check of a list's size argument, for connections (`first`/`last`, from 0) and pages
 * (`perPage`, from 1): out of range is refused naming the argument, never silently clamped.
 */
export function checkPageSize(field: string, value: number, min: 0 | 1): number {
  if (!Number.isInteger(value) || value < min || value > MAX_PAGE_SIZE) {
    throw badInput(field, `${field} 必须在 ${min} 到 ${MAX_PAGE_SIZE} 之间`);
  }
  return value;
}

/** Checks page, perPage and the sort field, and gives Prisma's skip, take and orderBy. */
export function pageArgs(
  input: PageInput<unknown>,
  sortable: readonly string[],
  defaultSort: string,
) {
  const page = input.page ?? 1;
  if (!Number.isInteger(page) || page < 1) throw badInput('page', 'page 必须是从 1 开始的整数');
  const perPage = checkPageSize('perPage', input.perPage ?? 25, 1);
  const field = input.sortField ?? defaultSort;
  if (!sortable.includes(field))
    throw badInput('sortField', `不支持按 ${field} 排序,可选:${sortable.join('、')}`);
  const direction = input.sortOrder === 'DESC' ? 'desc' : 'asc';
  return {
    skip: (page - 1) * perPage,
    take: perPage,
    orderBy: { [field]: direction } as Record<string, 'asc' | 'desc'>,
  };
}

/** Past this many rows an unfiltered connection's `totalCount` is the planner's estimate. */
export const EXACT_COUNT_LIMIT = 10_000;

export const TOTAL_COUNT_NOTE =
  `totalCount 仅在选择时计算:有筛选条件时为精确数;无筛选条件且表中超过 ${EXACT_COUNT_LIMIT} 行时为 PostgreSQL 统计信息(pg_class.reltuples)的估计值,` +
  `最近一次 ANALYZE 后的增删可能未计入。totalCount is computed only when selected: exact with a filter; without one, past ${EXACT_COUNT_LIMIT} rows, the planner's estimate.`;

/**
 * A connection's `totalCount`: with a filter, the exact count (`exact()`, one statement); without,
 * the total remembered since the last write (`ctx.totals`, platform/totals-cache.ts), or else one
 * statement that reads the table's row estimate and counts exactly only below the limit, so a
 * deep history never costs a full scan per page. That statement is a prepared statement on the
 * client's pg pool (one per table, parsed once per connection).
 */
export async function totalCount(
  ctx: Pick<GazetteContext, 'prisma' | 'totals'>,
  table: 'Policy' | 'Organization' | 'DiscretionCase' | 'AuditEntry',
  where: object,
  exact: () => Promise<number>,
): Promise<number> {
  if (Object.keys(where).length > 0) return exact();
  const counted = async () => {
    const [row] = await directSql(ctx.prisma).query<{ n: string }>({
      name: `gazette_total_${table}`,
      text: unfilteredTotalSql(table, '$1'),
      values: [EXACT_COUNT_LIMIT],
    });
    return Number(row?.n ?? 0);
  };
  // The audit log is never remembered: sign-ins and sign-outs write to it without a flush.
  if (table === 'AuditEntry') return counted();
  return ctx.totals?.get(table) ?? countRemembered(ctx.totals, table, counted);
}

/**
 * A date or timestamp(3) column of `alias` as epoch milliseconds under its own name (exact in a
 * double): the direct page reads make their Dates from numbers, cheaper than parsing text.
 */
export function epochMillisSql(alias: string, column: string): string {
  return `(extract(epoch FROM ${alias}."${column}") * 1000)::float8 AS "${column}"`;
}

/**
 * The unfiltered total's statement text (an estimate past `limit`, the parameter holding
 * EXACT_COUNT_LIMIT, else an exact count), also for statements that read a page beside it.
 */
export function unfilteredTotalSql(
  table: 'Policy' | 'Organization' | 'DiscretionCase' | 'AuditEntry',
  limit: `$${number}`,
): string {
  return `SELECT CASE WHEN c.reltuples > ${limit}::real THEN c.reltuples::bigint
                 ELSE (SELECT count(*) FROM "${table}") END AS n
       FROM pg_class c WHERE c.oid = '"${table}"'::regclass`;
}

/** Names already computed, by prefix and text: hashing the text on every request costs more. */
const statementNames = new Map<string, string>();

/**
 * The name of a prepared statement whose text is built from checked parts (columns, a sort):
 * `prefix` and a digest of the text, since names are identifiers of 63 bytes at most.
 */
export function statementName(prefix: string, text: string): string {
  const key = `${prefix}\0${text}`;
  let name = statementNames.get(key);
  if (name === undefined) {
    name = `${prefix}_${sha256Hex(text).slice(0, 16)}`;
    // A few dozen texts (column sets × sorts); the bound only guards against a leak.
    if (statementNames.size >= 1000) statementNames.clear();
    statementNames.set(key, name);
  }
  return name;
}
