// The filter and order of the policy lists (`policies`, `policiesPage`) as Prisma arguments.
import {
  normalizeSearchText,
  parseDocNo,
  todayInShanghai,
  toUtcMidnight,
  type PlainDate,
} from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { bodyNameWhere } from '../organizations/resolve-body.ts';
import { likeText } from '../../schema/shared.ts';

export interface PolicyFilterValue {
  status?: 'NOT_YET_EFFECTIVE' | 'IN_FORCE' | 'EXPIRED' | 'REPEALED' | null;
  asOf?: PlainDate | null;
  search?: string | null;
  issuer?: string | null;
  category?: 'MUNICIPAL_GOVERNMENT' | 'GOVERNMENT_OFFICE' | 'DEPARTMENT' | null;
}

/** The filter of the contract's `policies` as a Prisma where (status is judged on asOf). */
export function policyWhere(filter: PolicyFilterValue | null | undefined): Prisma.PolicyWhereInput {
  if (!filter) return {};
  const and: Prisma.PolicyWhereInput[] = [];
  if (filter.status) {
    const day = toUtcMidnight(filter.asOf ?? todayInShanghai());
    // In force from effectiveFrom through expiresOn, both inclusive (policyStatus in the domain).
    if (filter.status === 'NOT_YET_EFFECTIVE') and.push({ effectiveFrom: { gt: day } });
    const notRepealed: Prisma.PolicyWhereInput = {
      OR: [{ repealedOn: null }, { repealedOn: { gt: day } }],
    };
    if (filter.status === 'EXPIRED') and.push({ expiresOn: { lt: day } }, notRepealed);
    if (filter.status === 'REPEALED')
      and.push({ effectiveFrom: { lte: day }, repealedOn: { lte: day } });
    if (filter.status === 'IN_FORCE') {
      and.push(
        { effectiveFrom: { lte: day }, OR: [{ expiresOn: null }, { expiresOn: { gte: day } }] },
        notRepealed,
      );
    }
  }
  const search = filter.search?.trim();
  if (search) {
    const needle = normalizeSearchText(search);
    const parsed = parseDocNo(search);
    and.push({
      OR: [
        { title: { contains: likeText(search), mode: 'insensitive' } },
        { title: { contains: likeText(needle), mode: 'insensitive' } },
        { docNo: { contains: likeText(parsed ? parsed.docNo : needle), mode: 'insensitive' } },
      ],
    });
  }
  if (filter.issuer?.trim()) {
    and.push({ issuers: { some: { organization: bodyNameWhere(filter.issuer) } } });
  }
  if (filter.category) and.push({ category: filter.category });
  return and.length ? { AND: and } : {};
}
