// A policy's text, where it was printed and whether it still applies (contract next.graphql
// PolicyText; daysLeft from the validity watch). Read apart from the list's fields: the text is long.
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';

const Details = graphql(`
  query PolicyDetails($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Policy {
        id
        status(asOf: $asOf)
        expiresOn
        text
        daysLeft(asOf: $asOf)
        repealedOn
        articles {
          number
          path
          text
          lineFrom
          lineTo
        }
        source {
          issueLabel
          page
          lineFrom
          lineTo
        }
        repealedBy {
          id
          docNo
          title
        }
      }
    }
  }
`);

type Node = NonNullable<ResultOf<typeof Details>['node']>;
export type PolicyDetails = Omit<Extract<Node, { __typename: 'Policy' }>, '__typename'>;
export type PolicyArticle = PolicyDetails['articles'][number];

export const policyMethods = {
  /** The policy's details on `asOf`; null when the id names no policy. */
  async policyDetails(id: string, asOf: string): Promise<PolicyDetails | null> {
    const { node } = await request(Details, { id, asOf });
    if (node?.__typename !== 'Policy') return null;
    const { __typename: _type, ...details } = node;
    return details;
  },
};
