-- DropIndex
DROP INDEX "AgreedAction_caseId_idx";

-- CreateIndex
CREATE INDEX "AgreedAction_caseId_late_idx" ON "AgreedAction"("caseId", "status", "dueAt", "completedAt");

-- CreateIndex
CREATE INDEX "Case_insights_day_id_idx" ON "Case"("openedLocalDay", "locationId", "isPractice", "id");
