// Keeps SearchEntry in step with a document: one entry for its title and number, one per article,
// and one for its whole text (annex tables belong to no article). Raw SQL: Prisma cannot write
// tsvector. The lexemes are stored exactly (array_to_tsvector), so no text-search parser or
// database locale decides what a Chinese word is.
import type { Prisma, PrismaClient } from '../../generated/client/client.ts';
import { indexTerms } from './segment.ts';
import { uuid7 } from '../uuid7.ts';

type Db = PrismaClient | Prisma.TransactionClient;

interface Entry {
  kind: 'TITLE' | 'ARTICLE' | 'BODY';
  articleId: string | null;
  text: string;
  /** Title entries weigh most, articles next, the whole text (annex tables included) least. */
  weight: 'A' | 'B' | 'C';
}

/** Rewrites the search entries of one document from what the database holds now. */
export async function indexPolicy(db: Db, policyId: string): Promise<void> {
  const policy = await db.policy.findUnique({
    where: { id: policyId },
    select: {
      docNo: true,
      title: true,
      text: true,
      articles: { select: { id: true, text: true }, orderBy: { position: 'asc' } },
    },
  });
  await db.$executeRaw`DELETE FROM "SearchEntry" WHERE "policyId" = ${policyId}`;
  if (!policy) return;
  const entries: Entry[] = [
    { kind: 'TITLE', articleId: null, text: `${policy.title} ${policy.docNo}`, weight: 'A' },
  ];
  for (const a of policy.articles)
    entries.push({ kind: 'ARTICLE', articleId: a.id, text: a.text, weight: 'B' });
  // The whole text too: annex tables and signature blocks belong to no article.
  if (policy.text)
    entries.push({
      kind: 'BODY',
      articleId: null,
      text: policy.text,
      weight: policy.articles.length ? 'C' : 'B',
    });
  for (const e of entries) {
    const terms = indexTerms(e.text);
    if (terms.length === 0) continue;
    await db.$executeRaw`
      INSERT INTO "SearchEntry" (id, "policyId", "articleId", kind, text, terms)
      VALUES (${uuid7()}, ${policyId}, ${e.articleId}, ${e.kind}::"SearchEntryKind", ${e.text},
              setweight(array_to_tsvector(${terms}::text[]), ${e.weight}::"char"))`;
  }
}

/** Indexes every document that has no search entries yet (a database from before search). */
export async function indexMissingPolicies(db: Db): Promise<number> {
  const missing = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Policy" p WHERE NOT EXISTS (SELECT 1 FROM "SearchEntry" s WHERE s."policyId" = p.id)`;
  for (const { id } of missing) await indexPolicy(db, id);
  return missing.length;
}
