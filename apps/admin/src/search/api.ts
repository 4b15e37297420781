import { gql } from '../graphql/client.ts';

export interface SearchHit {
  article: string | null;
  snippet: string;
  policy: { id: string; docNo: string; title: string };
}

export async function searchPolicies(q: string, first = 10): Promise<SearchHit[]> {
  const data = await gql<{ search: SearchHit[] }>(
    `query Search($q: String!, $first: Int) { search(q: $q, first: $first) { article snippet policy { id docNo title } } }`,
    { q, first },
  );
  return data.search;
}
