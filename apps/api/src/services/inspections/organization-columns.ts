// Reading Organization rows out of a raw SQL join: the columns under an `o_` prefix, and the
// row rebuilt in the shape Prisma gives (so the Organization type resolves it as usual).
import { Prisma, type Organization } from '@gazette/db';

/** SELECT list for an Organization joined as `o`. */
export const ORGANIZATION_COLUMNS = Prisma.sql`o.id AS o_id, o.name AS o_name, o."shortName" AS o_short_name,
  o.type::text AS o_type, o."parentId" AS o_parent_id, o.version AS o_version,
  o."createdAt" AS o_created_at, o."updatedAt" AS o_updated_at`;

export interface OrganizationColumns {
  o_id: string;
  o_name: string;
  o_short_name: string | null;
  o_type: string;
  o_parent_id: string | null;
  o_version: number;
  o_created_at: Date;
  o_updated_at: Date;
}

export function organizationOf(r: OrganizationColumns): Organization {
  return {
    id: r.o_id,
    name: r.o_name,
    shortName: r.o_short_name,
    type: r.o_type as Organization['type'],
    parentId: r.o_parent_id,
    version: Number(r.o_version),
    createdAt: new Date(r.o_created_at),
    updatedAt: new Date(r.o_updated_at),
  };
}
