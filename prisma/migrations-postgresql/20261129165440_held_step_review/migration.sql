-- AlterTable
ALTER TABLE "HeldStep" ADD COLUMN     "locationId" TEXT,
ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewOutcome" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- CreateIndex
CREATE INDEX "HeldStep_locationId_reviewedAt_heldAt_idx" ON "HeldStep"("locationId", "reviewedAt", "heldAt");

-- Steps held before this migration: the case's location, else the session's (docs/decisions/0019-held-steps.md).
UPDATE "HeldStep" SET "locationId" = (SELECT c."locationId" FROM "Case" c WHERE c."id" = "HeldStep"."caseId") WHERE "locationId" IS NULL;
UPDATE "HeldStep" SET "locationId" = (SELECT s."locationId" FROM "Session" s WHERE s."id" = "HeldStep"."sessionId") WHERE "locationId" IS NULL;
