-- DropIndex
DROP INDEX "AgreedAction_status_dueAt_idx";

-- DropIndex
DROP INDEX "CaseRootCause_tagId_idx";

-- CreateIndex
CREATE INDEX "AgreedAction_status_dueAt_caseId_idx" ON "AgreedAction"("status", "dueAt", "caseId");

-- CreateIndex
CREATE INDEX "Case_scope_openedAt_cover_idx" ON "Case"("locationId", "isPractice", "openedAt", "category", "readbackAccepted", "firstApologyAt", "resolvedAt", "id");

-- CreateIndex
CREATE INDEX "Case_status_lastEventAt_locationId_idx" ON "Case"("status", "lastEventAt", "locationId");

-- CreateIndex
CREATE INDEX "Case_lastEventAt_idx" ON "Case"("lastEventAt");

-- CreateIndex
CREATE INDEX "Case_severity_openedAt_idx" ON "Case"("severity", "openedAt");

-- CreateIndex
CREATE INDEX "CaseRootCause_tagId_caseId_idx" ON "CaseRootCause"("tagId", "caseId");
