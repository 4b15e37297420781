import type { Prisma } from '@gazette/db';
import { likeText } from '../../schema/shared.ts';

export interface ApiTokenFilter {
  q?: string | null;
  revoked?: boolean | null;
}

export const API_TOKEN_SORT_FIELDS = ['name', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;

export function apiTokenWhere(filter: ApiTokenFilter = {}): Prisma.ApiTokenWhereInput {
  const where: Prisma.ApiTokenWhereInput = {};
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    where.OR = [
      { name: { contains: likeText(q), mode: 'insensitive' } },
      { prefix: { startsWith: likeText(q) } },
    ];
  }
  if (filter.revoked === true) where.revokedAt = { not: null };
  if (filter.revoked === false) where.revokedAt = null;
  return where;
}
