// Imports every area file (each registers its types and root fields) and builds the schema.
import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './scalars.ts';
import './policies.ts';
import './organizations.ts';
import './rates.ts';
import './quotes.ts';
import './inspections.ts';
import './duties.ts';
import './organization-aliases.ts';
import './rate-pages.ts';
import './inspection-pages.ts';
import './rate-diff.ts';
import './inspection-findings.ts';
import './compliance.ts';
import './inspection-annexes.ts';
import './auth.ts';
import './users.ts';
import './tokens.ts';
import './cases.ts';
import './audit.ts';
import './gazette-imports.ts';
import './search.ts';
import './changes.ts';
import './review-tasks.ts';
import './webhooks.ts';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema();

/** The schema with types sorted, as printed into schema.graphql. */
export function sortedSchema() {
  return lexicographicSortSchema(schema);
}
