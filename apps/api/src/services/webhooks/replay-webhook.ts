// Re-sends the feed to a webhook from an older cursor: its cursor moves back, and the worker
// delivers every change after it again, in order (with the same event ids, so a receiver that
// de-duplicates keeps one copy). Also switches a failed webhook back on. Audited.
import type { Webhook } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { findOrThrowWebhook, recordWebhookChange, writeTransaction } from './write.ts';

export async function replayWebhook(
  ctx: GazetteContext,
  id: string,
  after: bigint,
): Promise<Webhook> {
  return writeTransaction(ctx, async (tx) => {
    // Waits for a delivery in progress (which holds the row) so it cannot move the cursor past `after`.
    await tx.$queryRaw`SELECT id FROM "Webhook" WHERE id = ${id} FOR UPDATE`;
    const before = await findOrThrowWebhook(tx, id);
    const after_ = await tx.webhook.update({
      where: { id },
      data: {
        cursor: after,
        failures: 0,
        lastError: null,
        failedAt: null,
        active: true,
        nextAttemptAt: new Date(),
        version: { increment: 1 },
      },
    });
    await recordWebhookChange(tx, ctx, 'webhook.replay', before, after_);
    return after_;
  });
}
