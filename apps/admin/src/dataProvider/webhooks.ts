// The webhooks page's operations (administrators only), typed documents over apps/api/schema.graphql.
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.ts';

const WebhookFields = graphql(`
  fragment WebhookFields on Webhook {
    id
    url
    description
    kinds
    active
    secretHint
    cursor
    failures
    lastError
    failedAt
    lastDeliveredAt
    createdAt
    version
  }
`);
const List = graphql(
  `
    query Webhooks {
      webhooks {
        ...WebhookFields
      }
    }
  `,
  [WebhookFields],
);
const Create = graphql(
  `
    mutation CreateWebhook($input: CreateWebhookInput!) {
      createWebhook(input: $input) {
        secret
        webhook {
          ...WebhookFields
        }
      }
    }
  `,
  [WebhookFields],
);
const Rotate = graphql(
  `
    mutation RotateWebhookSecret($id: ID!, $version: Int!) {
      rotateWebhookSecret(id: $id, version: $version) {
        secret
        webhook {
          ...WebhookFields
        }
      }
    }
  `,
  [WebhookFields],
);
const Update = graphql(
  `
    mutation UpdateWebhook($id: ID!, $version: Int!, $input: UpdateWebhookInput!) {
      updateWebhook(id: $id, version: $version, input: $input) {
        ...WebhookFields
      }
    }
  `,
  [WebhookFields],
);
const Delete = graphql(`
  mutation DeleteWebhook($id: ID!, $version: Int!) {
    deleteWebhook(id: $id, version: $version) {
      id
    }
  }
`);
const Replay = graphql(
  `
    mutation ReplayWebhook($id: ID!, $after: String) {
      replayWebhook(id: $id, after: $after) {
        ...WebhookFields
      }
    }
  `,
  [WebhookFields],
);
const Deliveries = graphql(`
  query WebhookDeliveries($id: ID, $first: Int) {
    webhookDeliveries(webhookId: $id, first: $first) {
      totalCount
      edges {
        node {
          id
          at
          eventCursor
          attempt
          ok
          statusCode
          durationMs
          error
        }
      }
    }
  }
`);

export type Webhook = ResultOf<typeof WebhookFields>;
export type WebhookDelivery = ResultOf<
  typeof Deliveries
>['webhookDeliveries']['edges'][number]['node'];
export type ChangeKind = VariablesOf<typeof Create>['input']['kinds'][number];
export const CHANGE_KINDS = [
  'POLICY_ADDED',
  'POLICY_CHANGED',
  'POLICY_REPEALED',
  'RATES_PUBLISHED',
  'INSPECTION_RESULTS',
] as const satisfies readonly ChangeKind[];
export interface WebhookInput {
  url: string;
  kinds: ChangeKind[];
  description: string | null;
  active: boolean;
}

export const webhookMethods = {
  async webhooks(): Promise<Webhook[]> {
    return (await request(List)).webhooks;
  },
  async createWebhook(input: WebhookInput): Promise<{ secret: string; webhook: Webhook }> {
    return (await request(Create, { input })).createWebhook;
  },
  async updateWebhook(id: string, version: number, input: WebhookInput): Promise<Webhook> {
    return (await request(Update, { id, version, input })).updateWebhook;
  },
  async deleteWebhook(id: string, version: number): Promise<void> {
    await request(Delete, { id, version });
  },
  /** A new signing secret, shown once (the receiver must be given it). */
  async rotateWebhookSecret(
    id: string,
    version: number,
  ): Promise<{ secret: string; webhook: Webhook }> {
    return (await request(Rotate, { id, version })).rotateWebhookSecret;
  },
  async replayWebhook(id: string, after: string | null): Promise<Webhook> {
    return (await request(Replay, { id, after })).replayWebhook;
  },
  async webhookDeliveries(
    webhookId: string,
    first = 50,
  ): Promise<{ total: number; rows: WebhookDelivery[] }> {
    const data = await request(Deliveries, { id: webhookId, first });
    return {
      total: data.webhookDeliveries.totalCount,
      rows: data.webhookDeliveries.edges.map((e) => e.node),
    };
  },
};
