// The rate-table records' fragments, one per type: the generic CRUD (resources.ts) and the rate
// screens' own queries and mutations (rateTables.ts) compose the same ones, so both read the
// same fields.
import { graphql } from '../graphql/graphql.ts';

export const RateTableVersionFields = graphql(`
  fragment RateTableVersionFields on RateTableVersion {
    id
    table {
      id
    }
    label
    effectiveFrom
    effectiveTo
    status
    note
    basedOnId
    publishedAt
    version
  }
`);

// With the entry's attributes: the printed matrix shows 项目内涵/除外内容/说明 and caps.
export const RateEntryFields = graphql(`
  fragment RateEntryFields on RateEntry {
    id
    key
    dimensions
    code
    name
    unit
    amount
    rate
    baseKey
    position
    version
    attributes
  }
`);
