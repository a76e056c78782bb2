-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "rubricApplicable" INTEGER,
ADD COLUMN     "rubricMet" INTEGER,
ADD COLUMN     "rubricMissed" TEXT,
ADD COLUMN     "rubricScore" INTEGER,
ADD COLUMN     "rubricSequence" INTEGER;

-- CreateIndex
CREATE INDEX "Case_replay_score_idx" ON "Case"("locationId", "isPractice", "status", "rubricScore", "closedAt", "id", "category");

-- CreateIndex
CREATE INDEX "Case_replay_closed_idx" ON "Case"("locationId", "isPractice", "status", "closedAt", "id", "rubricMissed", "category");
