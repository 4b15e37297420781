-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganizationType" AS ENUM ('CITY_GOVERNMENT', 'DISTRICT_COUNTY', 'PARK', 'DEPARTMENT', 'STATE_AGENCY', 'OTHER');

-- CreateEnum
CREATE TYPE "PolicyCategory" AS ENUM ('MUNICIPAL_GOVERNMENT', 'GOVERNMENT_OFFICE', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "RateTableKind" AS ENUM ('MEDICAL_SERVICE_PRICE', 'LAND_TRANSFER_FEE', 'LAND_TERM_COEFFICIENT', 'REHAB_ASSISTANCE');

-- CreateEnum
CREATE TYPE "RateVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DataGapKind" AS ENUM ('BASE', 'PROCESS');

-- CreateEnum
CREATE TYPE "AdoptionRating" AS ENUM ('GOOD', 'ZERO');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SUPERVISOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "CaseTrigger" AS ENUM ('SUBJECT_APPLICATION', 'ENFORCEMENT_UNIT', 'OVERSIGHT_RECOMMENDATION', 'SUPERIOR_RECOMMENDATION');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('REGISTERED', 'UNDER_REVIEW', 'REJECTED', 'TERMINATED', 'PASSED', 'FAILED', 'DECIDED');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('ACCEPTANCE', 'SUSPENSION', 'TERMINATION', 'RESULT');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "type" "OrganizationType" NOT NULL,
    "parentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationAlias" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "docNo" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category" "PolicyCategory" NOT NULL,
    "signedOn" DATE NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "expiresOn" DATE,
    "isTrial" BOOLEAN NOT NULL DEFAULT false,
    "validityClause" TEXT,
    "issueLabel" TEXT,
    "page" INTEGER,
    "summary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyIssuer" (
    "policyId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PolicyIssuer_pkey" PRIMARY KEY ("policyId","organizationId")
);

-- CreateTable
CREATE TABLE "RateTable" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "RateTableKind" NOT NULL,
    "name" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "dimensions" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateTableVersion" (
    "id" TEXT NOT NULL,
    "tableId" TEXT NOT NULL,
    "label" TEXT,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "status" "RateVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "note" TEXT,
    "basedOnId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateTableVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateEntry" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "dimensions" JSONB NOT NULL,
    "code" TEXT,
    "name" TEXT,
    "unit" TEXT,
    "amount" DECIMAL(14,4),
    "rate" DECIMAL(10,6),
    "baseKey" TEXT,
    "attributes" JSONB,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyAllocation" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "article" TEXT NOT NULL,
    "lawText" TEXT NOT NULL,
    "duty" TEXT NOT NULL,

    CONSTRAINT "DutyAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyAssignment" (
    "dutyId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" TEXT,

    CONSTRAINT "DutyAssignment_pkey" PRIMARY KEY ("dutyId","organizationId")
);

-- CreateTable
CREATE TABLE "InspectionRound" (
    "id" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "policyId" TEXT,
    "windowStart" DATE NOT NULL,
    "windowEnd" DATE NOT NULL,
    "cityPortalsChecked" INTEGER NOT NULL,
    "districtPortalsChecked" INTEGER NOT NULL,
    "departmentSitesChecked" INTEGER NOT NULL,
    "newMediaAccountsChecked" INTEGER NOT NULL,
    "newMediaDistricts" INTEGER NOT NULL,
    "newMediaParks" INTEGER NOT NULL,
    "newMediaDepartments" INTEGER NOT NULL,
    "messagesReceived" INTEGER NOT NULL,
    "messagesClosed" INTEGER NOT NULL,
    "messagesOverdue" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InspectionRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebsiteFinding" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "siteSeq" INTEGER NOT NULL,
    "siteName" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "rectified" BOOLEAN NOT NULL DEFAULT false,
    "rectifiedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebsiteFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewMediaFinding" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "account" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rectified" BOOLEAN NOT NULL DEFAULT false,
    "rectifiedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewMediaFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataCollectionGap" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "DataGapKind" NOT NULL,
    "dataYear" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DataCollectionGap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationAdoption" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "rating" "AdoptionRating" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "InformationAdoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscretionCase" (
    "id" TEXT NOT NULL,
    "caseName" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "trigger" "CaseTrigger" NOT NULL,
    "filedOn" DATE NOT NULL,
    "state" "CaseState" NOT NULL DEFAULT 'REGISTERED',
    "policyId" TEXT,
    "reviewMode" TEXT,
    "reviewDays" INTEGER,
    "acceptedOn" DATE,
    "reviewDeadline" DATE,
    "conditionsMet" TEXT[],
    "exclusions" TEXT[],
    "rejectionReason" TEXT,
    "terminationReason" TEXT,
    "passed" BOOLEAN,
    "decision" TEXT,
    "keySupervision" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscretionCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "fromState" "CaseState" NOT NULL,
    "toState" "CaseState" NOT NULL,
    "payload" JSONB NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeCounter" (
    "kind" "NoticeKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "NoticeCounter_pkey" PRIMARY KEY ("kind","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationAlias_alias_key" ON "OrganizationAlias"("alias");

-- CreateIndex
CREATE INDEX "OrganizationAlias_organizationId_idx" ON "OrganizationAlias"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_docNo_key" ON "Policy"("docNo");

-- CreateIndex
CREATE INDEX "Policy_effectiveFrom_idx" ON "Policy"("effectiveFrom");

-- CreateIndex
CREATE INDEX "Policy_category_idx" ON "Policy"("category");

-- CreateIndex
CREATE INDEX "PolicyIssuer_organizationId_idx" ON "PolicyIssuer"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "RateTable_key_key" ON "RateTable"("key");

-- CreateIndex
CREATE INDEX "RateTable_policyId_idx" ON "RateTable"("policyId");

-- CreateIndex
CREATE INDEX "RateTableVersion_tableId_effectiveFrom_idx" ON "RateTableVersion"("tableId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "RateEntry_code_idx" ON "RateEntry"("code");

-- CreateIndex
CREATE UNIQUE INDEX "RateEntry_versionId_key_key" ON "RateEntry"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "DutyAllocation_policyId_seq_key" ON "DutyAllocation"("policyId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionRound_quarter_key" ON "InspectionRound"("quarter");

-- CreateIndex
CREATE INDEX "WebsiteFinding_organizationId_idx" ON "WebsiteFinding"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "WebsiteFinding_roundId_siteSeq_position_key" ON "WebsiteFinding"("roundId", "siteSeq", "position");

-- CreateIndex
CREATE INDEX "NewMediaFinding_organizationId_idx" ON "NewMediaFinding"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "NewMediaFinding_roundId_seq_key" ON "NewMediaFinding"("roundId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "DataCollectionGap_roundId_organizationId_kind_key" ON "DataCollectionGap"("roundId", "organizationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "InformationAdoption_roundId_organizationId_key" ON "InformationAdoption"("roundId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "DiscretionCase_state_idx" ON "DiscretionCase"("state");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_caseId_seq_key" ON "CaseEvent"("caseId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_number_key" ON "Notice"("number");

-- CreateIndex
CREATE INDEX "Notice_caseId_idx" ON "Notice"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_kind_year_serial_key" ON "Notice"("kind", "year", "serial");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationAlias" ADD CONSTRAINT "OrganizationAlias_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyIssuer" ADD CONSTRAINT "PolicyIssuer_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyIssuer" ADD CONSTRAINT "PolicyIssuer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateTable" ADD CONSTRAINT "RateTable_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateTableVersion" ADD CONSTRAINT "RateTableVersion_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "RateTable"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateEntry" ADD CONSTRAINT "RateEntry_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RateTableVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAllocation" ADD CONSTRAINT "DutyAllocation_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_dutyId_fkey" FOREIGN KEY ("dutyId") REFERENCES "DutyAllocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRound" ADD CONSTRAINT "InspectionRound_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebsiteFinding" ADD CONSTRAINT "WebsiteFinding_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebsiteFinding" ADD CONSTRAINT "WebsiteFinding_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewMediaFinding" ADD CONSTRAINT "NewMediaFinding_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewMediaFinding" ADD CONSTRAINT "NewMediaFinding_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataCollectionGap" ADD CONSTRAINT "DataCollectionGap_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataCollectionGap" ADD CONSTRAINT "DataCollectionGap_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationAdoption" ADD CONSTRAINT "InformationAdoption_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationAdoption" ADD CONSTRAINT "InformationAdoption_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscretionCase" ADD CONSTRAINT "DiscretionCase_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "DiscretionCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "DiscretionCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
