-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('EXTENDED', 'REPLACED', 'LAPSES');

-- CreateTable
CREATE TABLE "ReviewTask" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "assigneeId" TEXT,
    "outcome" "ReviewOutcome",
    "replacedByDocNo" TEXT,
    "note" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewTask_policyId_key" ON "ReviewTask"("policyId");

-- CreateIndex
CREATE INDEX "ReviewTask_dueOn_idx" ON "ReviewTask"("dueOn");

-- CreateIndex
CREATE INDEX "ReviewTask_assigneeId_idx" ON "ReviewTask"("assigneeId");

-- AddForeignKey
ALTER TABLE "ReviewTask" ADD CONSTRAINT "ReviewTask_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewTask" ADD CONSTRAINT "ReviewTask_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
