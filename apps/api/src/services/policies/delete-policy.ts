import { recordChange } from '@gazette/db/changes/record';
import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { deleteVersioned, writeTransaction } from '../../schema/write-helpers.ts';

/**
 * Deletes a document at the version read (stale → CONFLICT), audited, and records the change;
 * answers the row as it was (read with `query`, the client's selection).
 */
export function deletePolicy<
  Q extends { select?: Prisma.PolicySelect; include?: Prisma.PolicyInclude },
>(ctx: GazetteContext, id: string, version: number, query: Q) {
  return writeTransaction(ctx, async (tx) => {
    const row = await tx.policy.findUnique({ ...(query as object), where: { id } });
    const docNo =
      (await tx.policy.findUnique({ where: { id }, select: { docNo: true } }))?.docNo ?? null;
    await deleteVersioned(tx, ctx, 'policy', id, version);
    // The contract has no "removed" kind: a removed document is a changed one, said so in details.
    await recordChange(tx, {
      kind: 'POLICY_CHANGED',
      docNo,
      entityId: id,
      details: { deleted: true },
    });
    return row!;
  });
}
