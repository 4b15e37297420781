// API tokens: created (the secret shown once) and revoked (typed documents).
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql.ts';

const Create = graphql(`
  mutation CreateToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
        prefix
      }
    }
  }
`);
const Revoke = graphql(`
  mutation Revoke($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

export type ApiTokenScope = VariablesOf<typeof Create>['input']['scopes'][number];
export const API_TOKEN_SCOPES = [
  'READ_PUBLISHED',
  'READ_ALL',
] as const satisfies readonly ApiTokenScope[];
export type CreatedApiToken = ResultOf<typeof Create>['createApiToken'];

export const apiTokenMethods = {
  async createApiToken(name: string, scopes: ApiTokenScope[]): Promise<CreatedApiToken> {
    return (await request(Create, { input: { name, scopes } })).createApiToken;
  },
  async revokeApiToken(id: string): Promise<void> {
    await request(Revoke, { id });
  },
};
