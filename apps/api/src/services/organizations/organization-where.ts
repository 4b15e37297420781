import { normalizeOrganizationName } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { likeText } from '../../schema/shared.ts';

/** The organisation lists' filter: part of the name, short name or an alias; the type. */
export function organizationWhere(
  filter:
    | { search?: string | null; type?: Prisma.OrganizationWhereInput['type'] | null }
    | null
    | undefined,
): Prisma.OrganizationWhereInput {
  if (!filter) return {};
  const and: Prisma.OrganizationWhereInput[] = [];
  const search = filter.search?.trim();
  if (search) {
    const key = normalizeOrganizationName(search);
    and.push({
      OR: [
        { name: { contains: likeText(key) } },
        { shortName: { contains: likeText(key) } },
        { aliases: { some: { alias: { contains: likeText(key) } } } },
      ],
    });
  }
  if (filter.type) and.push({ type: filter.type });
  return and.length ? { AND: and } : {};
}
