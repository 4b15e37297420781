// Issues a webhook a new signing secret (version-checked, audited without the secret): after a
// leak, or when the server's sealing key was lost and the old secret cannot be opened. The new
// secret is returned this once; deliveries from now on are signed with it (an active webhook
// waiting to retry is retried now; one switched off is switched on with updateWebhook).
import type { Webhook } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';
import { sealSecret, secretKey } from '../../platform/secret-box.ts';
import { newWebhookSecret } from './sign-payload.ts';
import { versionedWebhookUpdate, writeTransaction } from './write.ts';

export async function rotateWebhookSecret(
  ctx: GazetteContext,
  id: string,
  version: number,
): Promise<{ webhook: Webhook; secret: string }> {
  const secret = newWebhookSecret();
  const webhook = await writeTransaction(ctx, (tx) =>
    versionedWebhookUpdate(tx, ctx, id, version, 'webhook.rotate_secret', (before) => ({
      secret: sealSecret(secretKey(), secret),
      // The pending event is retried now, signed with the new secret.
      ...(before.active && before.failures > 0 && { nextAttemptAt: new Date() }),
    })),
  );
  return { webhook, secret };
}
