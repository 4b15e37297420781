// Shared pieces of the webhook writes: the transaction wrapper, lookups and version conflicts.
import { DomainError } from '@gazette/domain';
import type { Prisma, Webhook } from '@gazette/db';
import { writeTransaction } from '../../schema/write-helpers.ts';

export { writeTransaction };

type Tx = Prisma.TransactionClient;

export async function findOrThrowWebhook(tx: Tx, id: string): Promise<Webhook> {
  const row = await tx.webhook.findUnique({ where: { id } });
  if (!row) throw new DomainError('NOT_FOUND', `网络钩子不存在:${id}`, { field: 'id' });
  return row;
}

/** CONFLICT naming who changed the webhook last (from the audit log). */
export async function conflictError(
  tx: Tx,
  id: string,
  currentVersion: number,
  yourVersion: number,
) {
  const last = await tx.auditEntry.findFirst({
    where: { entity: 'Webhook', entityId: id },
    orderBy: { id: 'desc' },
    select: { actorLabel: true, at: true },
  });
  const who = last ? `${last.actorLabel} 于 ${last.at.toISOString()}` : '其他人';
  return new DomainError(
    'CONFLICT',
    `网络钩子已被${who}修改(当前版本 ${currentVersion},你提交的版本 ${yourVersion}),请刷新后重试`,
    {
      field: 'version',
      details: { currentVersion, yourVersion },
    },
  );
}
