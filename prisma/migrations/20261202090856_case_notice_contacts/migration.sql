-- AlterTable
ALTER TABLE "DiscretionCase" ADD COLUMN     "caseFiledOn" DATE,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "department" TEXT;
