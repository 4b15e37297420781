-- CreateIndex
CREATE INDEX "RateEntry_versionId_position_id_idx" ON "RateEntry"("versionId", "position", "id");
