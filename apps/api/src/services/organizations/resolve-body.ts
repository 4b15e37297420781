// Every body name resolves through the organisations and aliases in the database: an alias an
// administrator adds in the dashboard is accepted by the next import at once.
import { organizationLookupKeys } from '@gazette/domain';
import type { Prisma } from '@gazette/db';

export {
  loadBodyResolver,
  type BodyResolver,
  type ResolvedBody,
} from '@gazette/db/organizations/resolve-body';

/** A Prisma filter for the body a printed name refers to: official name, short name or alias. */
export function bodyNameWhere(printed: string): Prisma.OrganizationWhereInput {
  const keys = organizationLookupKeys(printed);
  if (keys.length === 0) return { id: { in: [] } };
  return {
    OR: [
      { name: { in: keys } },
      { shortName: { in: keys } },
      { aliases: { some: { alias: { in: keys } } } },
    ],
  };
}
