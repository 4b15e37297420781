// Shared pieces of the webhook writes: the transaction wrapper, lookups, version conflicts and
// the version-checked, audited update and the audit and wake-up after any change.
import { DomainError } from '@gazette/domain';
import type { Prisma, Webhook } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { writeTransaction } from '../../schema/write-helpers.ts';
import { webhookAuditView } from './audit-view.ts';
import { notifyWebhookWorkers } from './wake.ts';

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

/**
 * A version-checked change of one webhook in `tx`, audited as `action` (before and after without
 * the secret), the delivery workers woken: `data` is given the row as it was.
 */
export async function versionedWebhookUpdate(
  tx: Tx,
  ctx: GazetteContext,
  id: string,
  version: number,
  action: 'webhook.update' | 'webhook.rotate_secret',
  data: (before: Webhook) => Prisma.WebhookUpdateManyMutationInput,
): Promise<Webhook> {
  const before = await findOrThrowWebhook(tx, id);
  if (before.version !== version) throw await conflictError(tx, id, before.version, version);
  const { count } = await tx.webhook.updateMany({
    where: { id, version },
    data: { ...data(before), version: { increment: 1 } },
  });
  if (count === 0)
    throw await conflictError(tx, id, (await findOrThrowWebhook(tx, id)).version, version);
  const after = await findOrThrowWebhook(tx, id);
  await recordWebhookChange(tx, ctx, action, before, after);
  return after;
}

/** After a webhook changed in `tx`: audited as `action` (without the secret), the workers woken. */
export async function recordWebhookChange(
  tx: Tx,
  ctx: GazetteContext,
  action: 'webhook.update' | 'webhook.rotate_secret' | 'webhook.replay',
  before: Webhook,
  after: Webhook,
): Promise<void> {
  await recordAudit(tx, ctx, {
    action,
    entity: 'Webhook',
    entityId: after.id,
    before: webhookAuditView(before),
    after: webhookAuditView(after),
  });
  await notifyWebhookWorkers(tx, after.id);
}
