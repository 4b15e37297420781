// How a policy's articles are shown.
import type { PolicyArticle } from '../dataProvider/policies.ts';

/** Nesting of an article by its path: 二 → 0, 二(二) → 1 (full- or half-width brackets). */
export function articleDepth(path: string): number {
  return (path.match(/[(（]/g) ?? []).length;
}

/** An article's text without the number it starts with (the number is shown beside it). */
export function articleBody(article: Pick<PolicyArticle, 'number' | 'text'>): string {
  const number = article.number.trim();
  return number && article.text.startsWith(number)
    ? article.text.slice(number.length).replace(/^[\s、.．]+/, '')
    : article.text;
}
