// Wakes the delivery workers after an administrator changes a webhook: NOTIFY inside the writing
// transaction reaches every instance's worker at commit (the same instance's too).
import type { Prisma } from '@gazette/db';

export const WEBHOOK_CHANNEL = 'gazette_webhooks';

export async function notifyWebhookWorkers(
  tx: Pick<Prisma.TransactionClient, '$executeRaw'>,
  webhookId: string,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${WEBHOOK_CHANNEL}, ${webhookId})`;
}
