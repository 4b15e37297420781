// 全文检索: the API's `search` over policies' text (typed document).
import { request } from '../graphql/client.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';

const Search = graphql(`
  query Search($q: String!, $first: Int) {
    search(q: $q, first: $first) {
      article
      snippet
      policy {
        id
        docNo
        title
      }
    }
  }
`);

export type SearchHit = ResultOf<typeof Search>['search'][number];

export const searchMethods = {
  async searchPolicies(q: string, first = 10): Promise<SearchHit[]> {
    return (await request(Search, { q, first })).search;
  },
};
