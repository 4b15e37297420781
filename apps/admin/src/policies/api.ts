// A policy's text, where it was printed and whether it still applies (contract next.graphql
// PolicyText; daysLeft from the validity watch). Read apart from the list's fields: the text is long.
import { gql } from '../graphql/client.ts';

export interface PolicyArticle {
  number: string;
  path: string;
  text: string;
  lineFrom: number;
  lineTo: number;
}

export interface PolicyDetails {
  id: string;
  status: string;
  expiresOn: string | null;
  text: string | null;
  articles: PolicyArticle[];
  source: { issueLabel: string; page: number | null; lineFrom: number | null; lineTo: number | null } | null;
  repealedBy: { id: string; docNo: string; title: string } | null;
  repealedOn: string | null;
  daysLeft: number | null;
}

export async function policyDetails(id: string, asOf: string): Promise<PolicyDetails | null> {
  const data = await gql<{ node: PolicyDetails | null }>(
    `query PolicyDetails($id: ID!, $asOf: Date) {
      node(id: $id) {
        ... on Policy {
          id status(asOf: $asOf) expiresOn text daysLeft(asOf: $asOf) repealedOn
          articles { number path text lineFrom lineTo }
          source { issueLabel page lineFrom lineTo }
          repealedBy { id docNo title }
        }
      }
    }`,
    { id, asOf },
  );
  return data.node;
}

/** Nesting of an article by its path: 二 → 0, 二(二) → 1 (full- or half-width brackets). */
export function articleDepth(path: string): number {
  return (path.match(/[(（]/g) ?? []).length;
}

/** An article's text without the number it starts with (the number is shown beside it). */
export function articleBody(article: Pick<PolicyArticle, 'number' | 'text'>): string {
  const number = article.number.trim();
  return number && article.text.startsWith(number) ? article.text.slice(number.length).replace(/^[\s、.．]+/, '') : article.text;
}
