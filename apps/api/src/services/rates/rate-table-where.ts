// The filter of the rate-table lists, one for both: `rateTables` (the Relay connection: kind, the
// document's number as people type it, part of name or key) and `rateTablesPage` (the dashboard's
// offset pages: kind, the document's id, part of name or key in any case).
import type { Prisma } from '@gazette/db';
import { likeText } from '../../schema/shared.ts';

export interface RateTableFilterValue {
  kind?: Prisma.RateTableWhereInput['kind'] | null;
  /** The document's number in any bracket style (`rateTables`). */
  policyDocNo?: string | null;
  /** The document's raw id (`rateTablesPage`, already decoded). */
  policyId?: string | null;
  /** Part of the name or key, as typed (`rateTables`). */
  search?: string | null;
  /** Part of the name or key, trimmed, in any case (`rateTablesPage`). */
  q?: string | null;
}

const anyCase = (q: string) => ({ contains: likeText(q.trim()), mode: 'insensitive' as const });

export function rateTableWhere(
  filter: RateTableFilterValue | null | undefined,
): Prisma.RateTableWhereInput {
  if (!filter) return {};
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.policyDocNo
      ? {
          policy: {
            docNo: filter.policyDocNo
              .replace(/\s+/g, '')
              .replace(/[[［]/, '〔')
              .replace(/[\]］]/, '〕'),
          },
        }
      : {}),
    ...(filter.policyId ? { policyId: filter.policyId } : {}),
    ...(filter.search
      ? {
          OR: [
            { name: { contains: likeText(filter.search) } },
            { key: { contains: likeText(filter.search) } },
          ],
        }
      : {}),
    ...(filter.q ? { OR: [{ name: anyCase(filter.q) }, { key: anyCase(filter.q) }] } : {}),
  };
}
