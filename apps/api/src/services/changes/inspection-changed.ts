// A change to a quarter's inspection results (its figures, findings or annexes) is a change to
// published data: it goes to the change feed, in the same transaction.
import { recordChange } from '@gazette/db/changes/record';
import type { Prisma } from '@gazette/db';

type Tx = Prisma.TransactionClient;

export async function inspectionChanged(
  tx: Tx,
  roundId: string,
  what: string,
  quarter?: string,
): Promise<void> {
  const round = quarter
    ? null
    : await tx.inspectionRound.findUnique({ where: { id: roundId }, select: { quarter: true } });
  const q = quarter ?? round?.quarter;
  if (!q) return;
  await recordChange(tx, {
    kind: 'INSPECTION_RESULTS',
    quarter: q,
    entityId: roundId,
    details: { what },
  });
}

/** The round of a finding (before it is deleted). */
export async function roundOfFinding(
  tx: Tx,
  model: 'websiteFinding' | 'newMediaFinding',
  id: string,
): Promise<string | null> {
  const row =
    model === 'websiteFinding'
      ? await tx.websiteFinding.findUnique({ where: { id }, select: { roundId: true } })
      : await tx.newMediaFinding.findUnique({ where: { id }, select: { roundId: true } });
  return row?.roundId ?? null;
}
