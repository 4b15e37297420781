// Every body name resolves through the organisations and aliases in the database: an alias an
// administrator adds in the dashboard is accepted by the next import at once.
import { createOrganizationResolver, organizationLookupKeys } from '@gazette/domain';
import type { Prisma } from '@gazette/db';

export interface ResolvedBody {
  id: string;
  name: string;
}

export type BodyResolver = (printed: string) => ResolvedBody | null;

type Db = Pick<Prisma.TransactionClient, 'organization'>;

/** Loads every body with its aliases once (one statement) and resolves printed names in memory. */
export async function loadBodyResolver(db: Db): Promise<BodyResolver> {
  const rows = await db.organization.findMany({ select: { id: true, name: true, shortName: true, aliases: { select: { alias: true } } } });
  const resolve = createOrganizationResolver(rows.map((r) => ({ ...r, aliases: r.aliases.map((a) => a.alias) })));
  return (printed) => {
    const found = resolve(printed);
    return found ? { id: found.id, name: found.name } : null;
  };
}

/** A Prisma filter for the body a printed name refers to: official name, short name or alias. */
export function bodyNameWhere(printed: string): Prisma.OrganizationWhereInput {
  const keys = organizationLookupKeys(printed);
  if (keys.length === 0) return { id: { in: [] } };
  return { OR: [{ name: { in: keys } }, { shortName: { in: keys } }, { aliases: { some: { alias: { in: keys } } } }] };
}
