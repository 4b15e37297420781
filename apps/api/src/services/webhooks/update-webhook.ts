// Changes a webhook's URL, kinds, description or active flag (version-checked, audited).
// Switching a failed webhook back on clears its error and retries the event it stopped at.
import type { Prisma, Webhook } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { versionedWebhookUpdate, writeTransaction } from './write.ts';
import { checkWebhookDescription, checkWebhookKinds, checkWebhookUrl } from './validate-webhook.ts';

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
  return writeTransaction(ctx, (tx) =>
    versionedWebhookUpdate(tx, ctx, id, version, 'webhook.update', (before) =>
      input.active === true && !before.active
        ? { ...data, failures: 0, lastError: null, failedAt: null, nextAttemptAt: new Date() }
        : data,
    ),
  );
}
