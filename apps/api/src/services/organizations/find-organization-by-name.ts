import { normalizeOrganizationName } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { bodyNameWhere } from './resolve-body.ts';

/** Finds a body by official name, short name or any registered alias (the database decides). */
export async function findOrganizationByName(
  prisma: Prisma.TransactionClient,
  name: string,
  query: { select?: Prisma.OrganizationSelect; include?: Prisma.OrganizationInclude } = {},
) {
  if (!normalizeOrganizationName(name)) return null;
  return prisma.organization.findFirst({ ...query, where: bodyNameWhere(name) });
}
