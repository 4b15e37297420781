-- CreateEnum
CREATE TYPE "GazetteImportStatus" AS ENUM ('DRAFT', 'APPLIED', 'DISCARDED');

-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "lineFrom" INTEGER,
ADD COLUMN     "lineTo" INTEGER,
ADD COLUMN     "repealedById" TEXT,
ADD COLUMN     "repealedOn" DATE,
ADD COLUMN     "sourceIssueId" TEXT,
ADD COLUMN     "text" TEXT;

-- AlterTable
ALTER TABLE "RateTableVersion" ADD COLUMN     "lineFrom" INTEGER,
ADD COLUMN     "lineTo" INTEGER,
ADD COLUMN     "policyId" TEXT,
ADD COLUMN     "sourceIssueId" TEXT;

-- AlterTable
ALTER TABLE "DutyAllocation" ADD COLUMN     "line" INTEGER,
ADD COLUMN     "sourceIssueId" TEXT;

-- AlterTable
ALTER TABLE "InspectionRound" ADD COLUMN     "line" INTEGER,
ADD COLUMN     "sourceIssueId" TEXT;

-- AlterTable
ALTER TABLE "WebsiteFinding" ADD COLUMN     "line" INTEGER;

-- AlterTable
ALTER TABLE "NewMediaFinding" ADD COLUMN     "line" INTEGER,
ALTER COLUMN "rectified" DROP NOT NULL,
ALTER COLUMN "rectified" DROP DEFAULT;

-- CreateTable
CREATE TABLE "PolicyArticle" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "lineFrom" INTEGER NOT NULL,
    "lineTo" INTEGER NOT NULL,

    CONSTRAINT "PolicyArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GazetteIssue" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "number" INTEGER,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "printedOn" DATE,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GazetteIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GazetteImport" (
    "id" TEXT NOT NULL,
    "status" "GazetteImportStatus" NOT NULL DEFAULT 'DRAFT',
    "issueLabel" TEXT,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "reading" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "issueId" TEXT,
    "createdById" TEXT,
    "appliedById" TEXT,
    "appliedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GazetteImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyArticle_policyId_path_idx" ON "PolicyArticle"("policyId", "path");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyArticle_policyId_position_key" ON "PolicyArticle"("policyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "GazetteIssue_label_key" ON "GazetteIssue"("label");

-- CreateIndex
CREATE INDEX "GazetteImport_status_createdAt_idx" ON "GazetteImport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "GazetteImport_issueLabel_idx" ON "GazetteImport"("issueLabel");

-- CreateIndex
CREATE INDEX "Policy_repealedById_idx" ON "Policy"("repealedById");

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_sourceIssueId_fkey" FOREIGN KEY ("sourceIssueId") REFERENCES "GazetteIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_repealedById_fkey" FOREIGN KEY ("repealedById") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyArticle" ADD CONSTRAINT "PolicyArticle_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GazetteImport" ADD CONSTRAINT "GazetteImport_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "GazetteIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateTableVersion" ADD CONSTRAINT "RateTableVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateTableVersion" ADD CONSTRAINT "RateTableVersion_sourceIssueId_fkey" FOREIGN KEY ("sourceIssueId") REFERENCES "GazetteIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAllocation" ADD CONSTRAINT "DutyAllocation_sourceIssueId_fkey" FOREIGN KEY ("sourceIssueId") REFERENCES "GazetteIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRound" ADD CONSTRAINT "InspectionRound_sourceIssueId_fkey" FOREIGN KEY ("sourceIssueId") REFERENCES "GazetteIssue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Annex 2 of a 通报 prints no rectification column: findings never edited since they were loaded
-- are unknown, not "not rectified".
UPDATE "NewMediaFinding" SET "rectified" = NULL WHERE "rectified" = false AND "version" = 1 AND "rectifiedOn" IS NULL;
