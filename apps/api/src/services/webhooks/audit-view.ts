import type { Webhook } from '@gazette/db';

/** What an audit entry keeps of a webhook: never its secret. */
export function webhookAuditView(webhook: Webhook) {
  const { secret: _secret, ...rest } = webhook;
  return rest;
}
