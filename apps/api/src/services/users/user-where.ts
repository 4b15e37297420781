import type { Prisma, Role } from '@gazette/db';
import { likeText } from '../../schema/shared.ts';

export interface UserFilter {
  q?: string | null;
  role?: Role | null;
  active?: boolean | null;
}

export const USER_SORT_FIELDS = ['email', 'name', 'role', 'createdAt', 'updatedAt'] as const;

export function userWhere(filter: UserFilter = {}): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput = {};
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    where.OR = [
      { email: { contains: likeText(q), mode: 'insensitive' } },
      { name: { contains: likeText(q), mode: 'insensitive' } },
    ];
  }
  if (filter.role) where.role = filter.role;
  if (filter.active !== undefined && filter.active !== null) where.active = filter.active;
  return where;
}
