// search(q, first): the words of q (jieba, as the index was built) must all occur in one entry —
// a title with its number, an article, or a body; failing that, all the Chinese bigrams of q.
// Ranked by ts_rank (titles weigh more), with a bonus where q occurs verbatim. A document number
// in any printed bracket form finds that document first.
import { DomainError, normalizeSearchText, parseDocNo } from '@gazette/domain';
import type { Prisma, PrismaClient } from '../../generated/client/client.ts';
import { hanBigrams, segmentWords } from './segment.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export const MAX_SEARCH_RESULTS = 50;
export const MAX_QUERY_CHARS = 100;

export interface SearchHit {
  policyId: string;
  /** The article's number as printed (第十三条, 二、, (八)); null for the title or a body without articles. */
  article: string | null;
  snippet: string;
  score: number;
}

interface Row {
  policyId: string;
  kind: 'TITLE' | 'ARTICLE' | 'BODY';
  text: string;
  number: string | null;
  score: number;
}

const tsquery = (lexemes: readonly string[]) =>
  lexemes.map((l) => `'${l.replace(/'/g, "''")}'`).join(' & ');

async function matching(
  db: Db,
  lexemes: readonly string[],
  verbatim: string,
  limit: number,
): Promise<Row[]> {
  if (lexemes.length === 0) return [];
  return db.$queryRaw<Row[]>`
    SELECT s."policyId", s.kind::text AS kind, s.text, a.number,
           (ts_rank(s.terms, ${tsquery(lexemes)}::tsquery)
             + CASE WHEN strpos(lower(s.text), ${verbatim}) > 0 THEN 1 ELSE 0 END)::float8 AS score
    FROM "SearchEntry" s
    LEFT JOIN "PolicyArticle" a ON a.id = s."articleId"
    WHERE s.terms @@ ${tsquery(lexemes)}::tsquery
    ORDER BY score DESC, s."policyId", a.position NULLS FIRST
    LIMIT ${limit}`;
}

/** Around the first place the words occur, with each word marked 【…】. */
export function snippetOf(
  text: string,
  words: readonly string[],
  verbatim: string,
  width = 60,
): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const lower = flat.toLowerCase();
  const at = [verbatim, ...words].map((w) => (w ? lower.indexOf(w) : -1)).filter((i) => i >= 0);
  const start = at.length ? Math.max(0, Math.min(...at) - Math.floor(width / 4)) : 0;
  const end = Math.min(flat.length, start + width);
  let piece = flat.slice(start, end);
  const marks = [...new Set([verbatim, ...words])]
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length);
  if (marks.length) {
    const pattern = new RegExp(
      marks.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      'giu',
    );
    piece = piece.replace(pattern, (m) => `【${m}】`);
  }
  return `${start > 0 ? '…' : ''}${piece}${end < flat.length ? '…' : ''}`;
}

/** Hits best first, at most `first`; BAD_USER_INPUT naming q or first when they cannot be searched. */
export async function searchPolicies(db: Db, q: string, first = 10): Promise<SearchHit[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
    throw new DomainError('BAD_USER_INPUT', `first(条数)应为 1–${MAX_SEARCH_RESULTS}:${first}`, {
      field: 'first',
    });
  }
  const raw = (q ?? '').normalize('NFKC').trim();
  if (!raw) throw new DomainError('BAD_USER_INPUT', 'q(检索词)不能为空', { field: 'q' });
  if ([...raw].length > MAX_QUERY_CHARS)
    throw new DomainError('BAD_USER_INPUT', `q(检索词)最多 ${MAX_QUERY_CHARS} 个字`, {
      field: 'q',
    });

  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const add = (h: SearchHit) => {
    const key = `${h.policyId}|${h.article ?? ''}`;
    if (seen.has(key) || hits.length >= first) return;
    seen.add(key);
    hits.push(h);
  };

  // A document number, in whatever brackets it is printed, finds that document first.
  const docNo = parseDocNo(raw);
  if (docNo) {
    const p = await db.policy.findUnique({
      where: { docNo: docNo.docNo },
      select: { id: true, title: true, docNo: true },
    });
    if (p)
      add({
        policyId: p.id,
        article: null,
        snippet: `${p.title}(${p.docNo})`,
        score: Number.POSITIVE_INFINITY,
      });
  }

  const verbatim = normalizeSearchText(raw).toLowerCase();
  const words = [...new Set(segmentWords(raw))];
  let rows = await matching(db, words, verbatim, first * 4);
  let marked = words;
  if (rows.length === 0) {
    const grams = [...new Set(hanBigrams(raw))];
    rows = await matching(db, grams, verbatim, first * 4);
    marked = grams;
  }
  // The whole text repeats the articles: name the article where there is one.
  const inArticle = new Set(rows.filter((r) => r.kind !== 'BODY').map((r) => r.policyId));
  for (const r of rows) {
    if (r.kind === 'BODY' && inArticle.has(r.policyId)) continue;
    add({
      policyId: r.policyId,
      article: r.kind === 'ARTICLE' ? r.number : null,
      snippet: snippetOf(r.text, marked, verbatim),
      score: Number(r.score),
    });
  }
  return hits;
}
