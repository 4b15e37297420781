// Removes a webhook and its delivery log (version-checked, audited).
import type { Webhook } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { webhookAuditView } from './audit-view.ts';
import { conflictError, findOrThrowWebhook, writeTransaction } from './write.ts';

export async function deleteWebhook(
  ctx: GazetteContext,
  id: string,
  version: number,
): Promise<Webhook> {
  return writeTransaction(ctx, async (tx) => {
    const before = await findOrThrowWebhook(tx, id);
    if (before.version !== version) throw await conflictError(tx, id, before.version, version);
    const { count } = await tx.webhook.deleteMany({ where: { id, version } });
    if (count === 0)
      throw await conflictError(tx, id, (await findOrThrowWebhook(tx, id)).version, version);
    await recordAudit(tx, ctx, {
      action: 'webhook.delete',
      entity: 'Webhook',
      entityId: id,
      before: webhookAuditView(before),
    });
    return before;
  });
}
