import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { deleteVersioned, writeTransaction } from '../../schema/write-helpers.ts';

/** Deletes a body at the version read (stale → CONFLICT; still referenced → CONFLICT), audited. */
export function deleteOrganization<
  Q extends { select?: Prisma.OrganizationSelect; include?: Prisma.OrganizationInclude },
>(ctx: GazetteContext, id: string, version: number, query: Q) {
  return writeTransaction(ctx, async (tx) => {
    const row = await tx.organization.findUnique({ ...(query as object), where: { id } });
    await deleteVersioned(tx, ctx, 'organization', id, version);
    return row!;
  });
}
