-- AlterTable
ALTER TABLE "DiscretionCase" ADD COLUMN     "caseNumber" TEXT,
ADD COLUMN     "handler" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "DiscretionCase_caseNumber_key" ON "DiscretionCase"("caseNumber");
