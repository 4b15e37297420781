// Registers a webhook. Its secret is returned here once; deliveries start with the next change
// (the cursor starts at the feed's end), or from an older cursor through replayWebhook.
import { DomainError } from '@gazette/domain';
import type { Webhook } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { writeTransaction } from '../../schema/write-helpers.ts';
import { webhookAuditView } from './audit-view.ts';
import { sealSecret, secretKey } from '../../platform/secret-box.ts';
import { newWebhookSecret } from './sign-payload.ts';
import { checkWebhookDescription, checkWebhookKinds, checkWebhookUrl } from './validate-webhook.ts';
import { notifyWebhookWorkers } from './wake.ts';

export interface CreateWebhookInput {
  url: string;
  kinds: readonly string[];
  description?: string | null;
  active?: boolean | null;
}

export async function createWebhook(
  ctx: GazetteContext,
  input: CreateWebhookInput,
): Promise<{ webhook: Webhook; secret: string }> {
  if (ctx.viewer.kind !== 'user')
    throw new DomainError('FORBIDDEN', '只有登录的管理员可以登记网络钩子');
  const url = checkWebhookUrl(input.url, 'input.url');
  const kinds = checkWebhookKinds(input.kinds, 'input.kinds');
  const description = checkWebhookDescription(input.description, 'input.description');
  const secret = newWebhookSecret();
  const createdById = ctx.viewer.userId;
  const webhook = await writeTransaction(ctx, async (tx) => {
    const last = await tx.changeEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    const created = await tx.webhook.create({
      data: {
        url,
        kinds,
        description,
        // Sealed under the server's key (platform/secret-box.ts); in clear without one.
        secret: sealSecret(secretKey(), secret),
        active: input.active ?? true,
        cursor: last?.id ?? 0n,
        createdById,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'webhook.create',
      entity: 'Webhook',
      entityId: created.id,
      after: webhookAuditView(created),
    });
    await notifyWebhookWorkers(tx, created.id);
    return created;
  });
  return { webhook, secret };
}
