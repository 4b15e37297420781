-- CreateIndex
CREATE INDEX "DutyAssignment_organizationId_idx" ON "DutyAssignment"("organizationId");

-- CreateIndex
CREATE INDEX "InspectionRound_windowStart_id_idx" ON "InspectionRound"("windowStart", "id");

-- CreateIndex
CREATE INDEX "InspectionRound_updatedAt_id_idx" ON "InspectionRound"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "WebsiteFinding_siteSeq_id_idx" ON "WebsiteFinding"("siteSeq", "id");

-- CreateIndex
CREATE INDEX "WebsiteFinding_siteName_id_idx" ON "WebsiteFinding"("siteName", "id");

-- CreateIndex
CREATE INDEX "WebsiteFinding_description_id_idx" ON "WebsiteFinding"("description", "id");

-- CreateIndex
CREATE INDEX "WebsiteFinding_rectified_id_idx" ON "WebsiteFinding"("rectified", "id");

-- CreateIndex
CREATE INDEX "WebsiteFinding_updatedAt_id_idx" ON "WebsiteFinding"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "NewMediaFinding_seq_id_idx" ON "NewMediaFinding"("seq", "id");

-- CreateIndex
CREATE INDEX "NewMediaFinding_account_id_idx" ON "NewMediaFinding"("account", "id");

-- CreateIndex
CREATE INDEX "NewMediaFinding_platform_id_idx" ON "NewMediaFinding"("platform", "id");

-- CreateIndex
CREATE INDEX "NewMediaFinding_description_id_idx" ON "NewMediaFinding"("description", "id");

-- CreateIndex
CREATE INDEX "NewMediaFinding_rectified_id_idx" ON "NewMediaFinding"("rectified", "id");

-- CreateIndex
CREATE INDEX "NewMediaFinding_updatedAt_id_idx" ON "NewMediaFinding"("updatedAt", "id");
