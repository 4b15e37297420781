import { gql } from '../graphql/client.ts';

export const API_TOKEN_SCOPES = ['READ_PUBLISHED', 'READ_ALL'] as const;

export async function createApiToken(name: string, scopes: string[]) {
  const data = await gql<{ createApiToken: { secret: string; token: { id: string; prefix: string } } }>(
    `mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id prefix } } }`,
    { input: { name, scopes } },
  );
  return data.createApiToken;
}

export async function revokeApiToken(id: string) {
  await gql(`mutation Revoke($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`, { id });
}
