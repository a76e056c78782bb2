-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "rubricApplicable" INTEGER,
ADD COLUMN     "rubricMet" INTEGER,
ADD COLUMN     "rubricMissed" TEXT,
ADD COLUMN     "rubricScore" INTEGER,
ADD COLUMN     "rubricSequence" INTEGER;

-- CreateIndex
CREATE INDEX "Case_replay_score_idx" ON "Case"("locationId", "isPractice", "status", "rubricScore", "closedAt", "id");

-- CreateIndex
CREATE INDEX "Case_replay_closed_idx" ON "Case"("locationId", "isPractice", "status", "closedAt", "id", "rubricMissed");

-- CreateIndex
CREATE INDEX "Case_replay_category_idx" ON "Case"("category", "locationId", "isPractice", "status", "rubricScore", "closedAt", "id");
