// Writes a change to published data into the outbox (ChangeEvent) inside the caller's transaction,
// and wakes every listening server (NOTIFY is delivered when the transaction commits).
// Writers take one transaction-scoped advisory lock before taking an id, so ids are assigned in
// commit order: a reader that has seen id N never later finds an uncommitted N-1 appear.
import type { Prisma } from '../../generated/client/client.ts';

export const CHANGE_CHANNEL = 'gazette_changes';
/** The advisory lock that orders outbox writers (any constant distinct from the others in use). */
export const CHANGE_ORDER_LOCK = 724013;

export type ChangeKind =
  'POLICY_ADDED' | 'POLICY_CHANGED' | 'POLICY_REPEALED' | 'RATES_PUBLISHED' | 'INSPECTION_RESULTS';

export interface ChangeRecord {
  kind: ChangeKind;
  docNo?: string | null;
  quarter?: string | null;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

type Tx = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | 'changeEvent' | '$executeRaw'>;

export async function recordChange(tx: Tx, change: ChangeRecord): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CHANGE_ORDER_LOCK})`);
  const row = await tx.changeEvent.create({
    data: {
      kind: change.kind,
      docNo: change.docNo ?? null,
      quarter: change.quarter ?? null,
      entityId: change.entityId ?? null,
      details: (change.details ?? undefined) as Prisma.InputJsonValue | undefined,
    },
    select: { id: true },
  });
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${row.id.toString()})`;
}
