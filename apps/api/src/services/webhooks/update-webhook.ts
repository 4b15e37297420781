// Changes a webhook's URL, kinds, description or active flag (version-checked, audited).
// Switching a failed webhook back on clears its error and retries the event it stopped at.
import type { Prisma, Webhook } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { conflictError, findOrThrowWebhook, writeTransaction } from './write.ts';
import { webhookAuditView } from './audit-view.ts';
import { checkWebhookDescription, checkWebhookKinds, checkWebhookUrl } from './validate-webhook.ts';
import { notifyWebhookWorkers } from './wake.ts';

export interface UpdateWebhookInput {
  url?: string | null;
  kinds?: readonly string[] | null;
  description?: string | null;
  active?: boolean | null;
}

export async function updateWebhook(
  ctx: GazetteContext,
  id: string,
  version: number,
  input: UpdateWebhookInput,
): Promise<Webhook> {
  const data: Prisma.WebhookUpdateManyMutationInput = {};
  if (input.url != null) data.url = checkWebhookUrl(input.url, 'input.url');
  if (input.kinds != null) data.kinds = checkWebhookKinds(input.kinds, 'input.kinds');
  if (input.description !== undefined)
    data.description = checkWebhookDescription(input.description, 'input.description');
  if (input.active != null) data.active = input.active;
  return writeTransaction(ctx, async (tx) => {
    const before = await findOrThrowWebhook(tx, id);
    if (before.version !== version) throw await conflictError(tx, id, before.version, version);
    if (input.active === true && !before.active) {
      Object.assign(data, {
        failures: 0,
        lastError: null,
        failedAt: null,
        nextAttemptAt: new Date(),
      });
    }
    const { count } = await tx.webhook.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0)
      throw await conflictError(tx, id, (await findOrThrowWebhook(tx, id)).version, version);
    const after = await findOrThrowWebhook(tx, id);
    await recordAudit(tx, ctx, {
      action: 'webhook.update',
      entity: 'Webhook',
      entityId: id,
      before: webhookAuditView(before),
      after: webhookAuditView(after),
    });
    await notifyWebhookWorkers(tx, id);
    return after;
  });
}
