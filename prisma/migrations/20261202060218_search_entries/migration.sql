-- CreateEnum
CREATE TYPE "SearchEntryKind" AS ENUM ('TITLE', 'ARTICLE', 'BODY');

-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "articleId" TEXT,
    "kind" "SearchEntryKind" NOT NULL,
    "text" TEXT NOT NULL,
    "terms" tsvector NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchEntry_terms_idx" ON "SearchEntry" USING GIN ("terms");

-- CreateIndex
CREATE INDEX "SearchEntry_policyId_idx" ON "SearchEntry"("policyId");

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "PolicyArticle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
