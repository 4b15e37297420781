// Every body name resolves through the organisations and aliases in the database: one read of
// the bodies with their aliases, then printed names are resolved in memory (the domain's rule).
import { createOrganizationResolver } from '@gazette/domain';
import type { Prisma } from '../../generated/client/client.ts';

export interface ResolvedBody {
  id: string;
  name: string;
}

export type BodyResolver = (printed: string) => ResolvedBody | null;

export async function loadBodyResolver(
  db: Pick<Prisma.TransactionClient, 'organization'>,
): Promise<BodyResolver> {
  const rows = await db.organization.findMany({
    select: { id: true, name: true, shortName: true, aliases: { select: { alias: true } } },
  });
  const resolve = createOrganizationResolver(
    rows.map((r) => ({ ...r, aliases: r.aliases.map((a) => a.alias) })),
  );
  return (printed) => {
    const found = resolve(printed);
    return found ? { id: found.id, name: found.name } : null;
  };
}
