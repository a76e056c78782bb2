-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "category" TEXT,
    "severity" INTEGER,
    "spot" TEXT,
    "mood" TEXT,
    "customerWords" TEXT,
    "feeling" TEXT,
    "ourFault" BOOLEAN,
    "chosenSolution" TEXT,
    "readbackAccepted" BOOLEAN,
    "returnsToListen" INTEGER NOT NULL DEFAULT 0,
    "preventionNote" TEXT,
    "abandonReason" TEXT,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "openedAt" DATETIME NOT NULL,
    "firstApologyAt" DATETIME,
    "resolvedAt" DATETIME,
    "closedAt" DATETIME,
    "lastEventAt" DATETIME NOT NULL,
    "isPractice" BOOLEAN NOT NULL DEFAULT false,
    "openedDay" TEXT NOT NULL,
    "firstApologyMs" BIGINT,
    "resolutionMs" BIGINT,
    "remedyCents" BIGINT,
    CONSTRAINT "Case_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Backfill (hand-written; the projection writes the same values from the fold, see
-- lib/playbook/projection.ts). julianday keeps milliseconds; ROUND removes the float error of
-- the subtraction, so the durations are exact integer milliseconds.
INSERT INTO "new_Case" ("abandonReason", "category", "chosenSolution", "closedAt", "customerWords", "eventCount", "feeling", "firstApologyAt", "id", "isPractice", "lastEventAt", "locationId", "mood", "openedAt", "openedById", "ourFault", "preventionNote", "readbackAccepted", "reference", "resolvedAt", "returnsToListen", "severity", "spot", "stage", "status", "openedDay", "firstApologyMs", "resolutionMs", "remedyCents") SELECT "abandonReason", "category", "chosenSolution", "closedAt", "customerWords", "eventCount", "feeling", "firstApologyAt", "id", "isPractice", "lastEventAt", "locationId", "mood", "openedAt", "openedById", "ourFault", "preventionNote", "readbackAccepted", "reference", "resolvedAt", "returnsToListen", "severity", "spot", "stage", "status", date("openedAt"),
    CAST(ROUND((julianday("firstApologyAt") - julianday("openedAt")) * 86400000) AS INTEGER),
    CAST(ROUND((julianday("resolvedAt") - julianday("openedAt")) * 86400000) AS INTEGER),
    (SELECT SUM(m."valueCents") FROM "Compensation" m WHERE m."caseId" = "Case"."id" AND m."status" IN ('offered', 'approved'))
FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");
CREATE INDEX "Case_locationId_openedAt_idx" ON "Case"("locationId", "openedAt");
CREATE INDEX "Case_scope_openedAt_cover_idx" ON "Case"("locationId", "isPractice", "openedAt", "category", "readbackAccepted", "firstApologyAt", "resolvedAt", "id");
CREATE INDEX "Case_status_lastEventAt_locationId_idx" ON "Case"("status", "lastEventAt", "locationId");
CREATE INDEX "Case_lastEventAt_idx" ON "Case"("lastEventAt");
CREATE INDEX "Case_severity_openedAt_idx" ON "Case"("severity", "openedAt");
CREATE INDEX "Case_status_openedAt_idx" ON "Case"("status", "openedAt");
CREATE INDEX "Case_openedById_openedAt_idx" ON "Case"("openedById", "openedAt");
CREATE INDEX "Case_category_openedAt_idx" ON "Case"("category", "openedAt");
CREATE INDEX "Case_openedAt_idx" ON "Case"("openedAt");
CREATE INDEX "Case_insights_day_idx" ON "Case"("openedDay", "locationId", "category", "isPractice", "openedAt", "readbackAccepted", "remedyCents", "firstApologyMs", "resolutionMs");
CREATE INDEX "Case_insights_firstApology_idx" ON "Case"("firstApologyMs", "isPractice", "locationId", "openedAt");
CREATE INDEX "Case_insights_resolution_idx" ON "Case"("resolutionMs", "isPractice", "locationId", "openedAt");
CREATE TABLE "new_CaseRootCause" (
    "caseId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "isPractice" BOOLEAN NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "openedDay" TEXT NOT NULL,

    PRIMARY KEY ("caseId", "tagId"),
    CONSTRAINT "CaseRootCause_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseRootCause_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "RootCauseTag" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Backfill: copies of the case's immutable fields (the Case table above is already rebuilt).
INSERT INTO "new_CaseRootCause" ("caseId", "tagId", "locationId", "isPractice", "openedAt", "openedDay")
SELECT r."caseId", r."tagId", c."locationId", c."isPractice", c."openedAt", c."openedDay"
FROM "CaseRootCause" r JOIN "Case" c ON c."id" = r."caseId";
DROP TABLE "CaseRootCause";
ALTER TABLE "new_CaseRootCause" RENAME TO "CaseRootCause";
CREATE INDEX "CaseRootCause_tagId_caseId_idx" ON "CaseRootCause"("tagId", "caseId");
CREATE INDEX "CaseRootCause_insights_idx" ON "CaseRootCause"("locationId", "isPractice", "tagId", "openedDay", "openedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
