// The webhooks page's requests (administrators only).
import { gql } from '../graphql/client.ts';

export const CHANGE_KINDS = ['POLICY_ADDED', 'POLICY_CHANGED', 'POLICY_REPEALED', 'RATES_PUBLISHED', 'INSPECTION_RESULTS'] as const;

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  kinds: string[];
  active: boolean;
  secretHint: string;
  cursor: string | null;
  failures: number;
  lastError: string | null;
  failedAt: string | null;
  lastDeliveredAt: string | null;
  createdAt: string;
  version: number;
}

export interface WebhookDelivery {
  id: string;
  at: string;
  eventCursor: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface WebhookInput {
  url: string;
  kinds: string[];
  description: string | null;
  active: boolean;
}

const FIELDS = 'id url description kinds active secretHint cursor failures lastError failedAt lastDeliveredAt createdAt version';

export async function listWebhooks(): Promise<Webhook[]> {
  return (await gql<{ webhooks: Webhook[] }>(`query Webhooks { webhooks { ${FIELDS} } }`)).webhooks;
}

export async function createWebhook(input: WebhookInput): Promise<{ secret: string; webhook: Webhook }> {
  const data = await gql<{ createWebhook: { secret: string; webhook: Webhook } }>(
    `mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { ${FIELDS} } } }`,
    { input },
  );
  return data.createWebhook;
}

export async function updateWebhook(id: string, version: number, input: WebhookInput): Promise<Webhook> {
  const data = await gql<{ updateWebhook: Webhook }>(
    `mutation UpdateWebhook($id: ID!, $version: Int!, $input: UpdateWebhookInput!) { updateWebhook(id: $id, version: $version, input: $input) { ${FIELDS} } }`,
    { id, version, input },
  );
  return data.updateWebhook;
}

export async function deleteWebhook(id: string, version: number): Promise<void> {
  await gql(`mutation DeleteWebhook($id: ID!, $version: Int!) { deleteWebhook(id: $id, version: $version) { id } }`, { id, version });
}

export async function replayWebhook(id: string, after: string | null): Promise<Webhook> {
  const data = await gql<{ replayWebhook: Webhook }>(`mutation ReplayWebhook($id: ID!, $after: String) { replayWebhook(id: $id, after: $after) { ${FIELDS} } }`, { id, after });
  return data.replayWebhook;
}

export async function listDeliveries(webhookId: string, first = 50): Promise<{ total: number; rows: WebhookDelivery[] }> {
  const data = await gql<{ webhookDeliveries: { totalCount: number; edges: { node: WebhookDelivery }[] } }>(
    `query WebhookDeliveries($id: ID, $first: Int) { webhookDeliveries(webhookId: $id, first: $first) { totalCount edges { node { id at eventCursor attempt ok statusCode durationMs error } } } }`,
    { id: webhookId, first },
  );
  return { total: data.webhookDeliveries.totalCount, rows: data.webhookDeliveries.edges.map((e) => e.node) };
}
