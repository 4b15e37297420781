// The filter of `rateTables`: kind, the document's number as people type it, part of name or key.
import type { Prisma } from '@gazette/db';
import { likeText } from '../../schema/shared.ts';

export function rateTableWhere(
  filter:
    | {
        kind?: Prisma.RateTableWhereInput['kind'] | null;
        policyDocNo?: string | null;
        search?: string | null;
      }
    | null
    | undefined,
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
    ...(filter.search
      ? {
          OR: [
            { name: { contains: likeText(filter.search) } },
            { key: { contains: likeText(filter.search) } },
          ],
        }
      : {}),
  };
}
