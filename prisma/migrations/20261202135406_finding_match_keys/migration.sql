-- Repeat-finding keys (issue 9): findingKeys of packages/domain, written by the API with every
-- finding from now on. Existing rows are backfilled here with the same rule spelled in SQL:
-- whitespace is FINDING_WHITESPACE_CLASS (JavaScript's \s), a website subject is
-- FINDING_SUBJECT_PATTERN (a leading 《栏目》) and its issue the rest; a new-media subject is the
-- compacted account and its issue the compacted description. prisma/src/finding-keys.test.ts
-- compares this backfill with findingKeys.

-- AlterTable
ALTER TABLE "WebsiteFinding" ADD COLUMN "issueKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN "subjectKey" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "NewMediaFinding" ADD COLUMN "issueKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN "subjectKey" TEXT NOT NULL DEFAULT '';

-- Backfill
UPDATE "WebsiteFinding" f SET "subjectKey" = k.subject, "issueKey" = substr(k.text, char_length(k.subject) + 1)
FROM (
  SELECT c.id, c.text, coalesce(substring(c.text FROM '^《[^》]+》'), '') AS subject
  FROM (
    SELECT id, regexp_replace(description, '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', '', 'g') AS text
    FROM "WebsiteFinding"
  ) c
) k
WHERE k.id = f.id;

UPDATE "NewMediaFinding" SET
  "subjectKey" = regexp_replace(account, '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', '', 'g'),
  "issueKey" = regexp_replace(description, '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', '', 'g');

-- Every writer supplies the keys from now on (no default to forget them behind).
ALTER TABLE "WebsiteFinding" ALTER COLUMN "issueKey" DROP DEFAULT, ALTER COLUMN "subjectKey" DROP DEFAULT;
ALTER TABLE "NewMediaFinding" ALTER COLUMN "issueKey" DROP DEFAULT, ALTER COLUMN "subjectKey" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "WebsiteFinding_roundId_organizationId_subjectKey_issueKey_idx" ON "WebsiteFinding"("roundId", "organizationId", "subjectKey", "issueKey");

-- CreateIndex
CREATE INDEX "NewMediaFinding_roundId_organizationId_subjectKey_issueKey_idx" ON "NewMediaFinding"("roundId", "organizationId", "subjectKey", "issueKey");
