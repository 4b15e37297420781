import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { deleteVersioned, writeTransaction } from '../../schema/write-helpers.ts';

/** Deletes an alias at the version read (stale → CONFLICT), audited; answers the row as it was. */
export function deleteOrganizationAlias<
  Q extends { select?: Prisma.OrganizationAliasSelect; include?: Prisma.OrganizationAliasInclude },
>(ctx: GazetteContext, id: string, version: number, query: Q) {
  return writeTransaction(ctx, async (tx) => {
    const row = await tx.organizationAlias.findUnique({ ...(query as object), where: { id } });
    await deleteVersioned(tx, ctx, 'organizationAlias', id, version);
    return row!;
  });
}
