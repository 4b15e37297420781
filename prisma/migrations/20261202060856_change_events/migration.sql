-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('POLICY_ADDED', 'POLICY_CHANGED', 'POLICY_REPEALED', 'RATES_PUBLISHED', 'INSPECTION_RESULTS');

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "ChangeKind" NOT NULL,
    "docNo" TEXT,
    "quarter" TEXT,
    "entityId" TEXT,
    "details" JSONB,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChangeEvent_at_idx" ON "ChangeEvent"("at");
