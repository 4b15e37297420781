-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "publicId" UUID NOT NULL DEFAULT gen_random_uuid();

-- CreateIndex
CREATE INDEX "Organization_shortName_id_idx" ON "Organization"("shortName", "id");

-- CreateIndex
CREATE INDEX "Organization_type_id_idx" ON "Organization"("type", "id");

-- CreateIndex
CREATE INDEX "Organization_updatedAt_id_idx" ON "Organization"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "OrganizationAlias_createdAt_id_idx" ON "OrganizationAlias"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Policy_signedOn_id_idx" ON "Policy"("signedOn", "id");

-- CreateIndex
CREATE INDEX "Policy_title_id_idx" ON "Policy"("title", "id");

-- CreateIndex
CREATE INDEX "Policy_expiresOn_id_idx" ON "Policy"("expiresOn", "id");

-- CreateIndex
CREATE INDEX "Policy_updatedAt_id_idx" ON "Policy"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "User_name_id_idx" ON "User"("name", "id");

-- CreateIndex
CREATE INDEX "User_role_id_idx" ON "User"("role", "id");

-- CreateIndex
CREATE INDEX "User_createdAt_id_idx" ON "User"("createdAt", "id");

-- CreateIndex
CREATE INDEX "User_updatedAt_id_idx" ON "User"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "ApiToken_createdAt_id_idx" ON "ApiToken"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "ApiToken_name_id_idx" ON "ApiToken"("name", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_publicId_key" ON "AuditEntry"("publicId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_id_idx" ON "AuditEntry"("at", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_id_idx" ON "AuditEntry"("entity", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_action_id_idx" ON "AuditEntry"("action", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_actorLabel_id_idx" ON "AuditEntry"("actorLabel", "id");

-- CreateIndex
CREATE INDEX "DiscretionCase_filedOn_id_idx" ON "DiscretionCase"("filedOn" DESC, "id");

-- CreateIndex
CREATE INDEX "DiscretionCase_reviewDeadline_id_idx" ON "DiscretionCase"("reviewDeadline", "id");

-- CreateIndex
CREATE INDEX "DiscretionCase_caseName_id_idx" ON "DiscretionCase"("caseName", "id");

-- CreateIndex
CREATE INDEX "DiscretionCase_subjectName_id_idx" ON "DiscretionCase"("subjectName", "id");

-- CreateIndex
CREATE INDEX "DiscretionCase_createdAt_id_idx" ON "DiscretionCase"("createdAt", "id");

-- CreateIndex
CREATE INDEX "DiscretionCase_updatedAt_id_idx" ON "DiscretionCase"("updatedAt", "id");
