// Typed GraphQL documents: `graphql(`…`)` is checked against apps/api/schema.graphql and its
// result and variables types are inferred (gql.tada). graphql-env.d.ts is generated from the
// committed schema by `pnpm --filter @gazette/admin gql:generate`; graphql-env.test.ts fails when
// it is stale.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Fragments spread into a document read as plain fields (no readFragment needed).
  disableMasking: true;
  scalars: {
    /** ISO calendar date, `YYYY-MM-DD`. */
    Date: string;
    /** Exact decimal as text (prices, rates). */
    Decimal: string;
    JSON: unknown;
    File: File;
    ID: string;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf, TadaDocumentNode } from 'gql.tada';
export { readFragment } from 'gql.tada';
