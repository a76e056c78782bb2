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
    "readbackOutcome" TEXT,
    "readbackRefusals" INTEGER NOT NULL DEFAULT 0,
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
    "openedLocalDay" TEXT NOT NULL,
    "firstApologyMs" BIGINT,
    "resolutionMs" BIGINT,
    "remedyCents" BIGINT,
    CONSTRAINT "Case_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Backfill (hand-written; the projection writes the same values from the fold, see
-- lib/playbook/projection.ts and docs/decisions/0017-venue-days-and-readback-outcomes.md).
-- openedLocalDay starts as the old UTC day: SQL cannot turn an instant into a day in a named
-- time zone, so scripts/backfills.mjs ("venue_local_days", queued at the end of this file) rewrites
-- it in each location's own zone straight after this migration, in the same run.
-- The read-back outcome comes from the log: every "not quite" counts, and the answer that stands
-- is an acceptance (resolvedAt is only ever set by one, and never cleared).
INSERT INTO "new_Case" ("abandonReason", "category", "chosenSolution", "closedAt", "customerWords", "eventCount", "feeling", "firstApologyAt", "firstApologyMs", "id", "isPractice", "lastEventAt", "locationId", "mood", "openedAt", "openedById", "ourFault", "preventionNote", "readbackAccepted", "reference", "remedyCents", "resolutionMs", "resolvedAt", "returnsToListen", "severity", "spot", "stage", "status", "openedLocalDay", "readbackRefusals", "readbackOutcome")
SELECT "abandonReason", "category", "chosenSolution", "closedAt", "customerWords", "eventCount", "feeling", "firstApologyAt", "firstApologyMs", "id", "isPractice", "lastEventAt", "locationId", "mood", "openedAt", "openedById", "ourFault", "preventionNote", "readbackAccepted", "reference", "remedyCents", "resolutionMs", "resolvedAt", "returnsToListen", "severity", "spot", "stage", "status", "openedDay", COALESCE(r."refusals", 0),
    CASE
        WHEN "resolvedAt" IS NOT NULL AND COALESCE(r."refusals", 0) = 0 THEN 'accepted_first_time'
        WHEN "resolvedAt" IS NOT NULL THEN 'accepted_after_changes'
        WHEN r."refusals" > 0 THEN 'not_accepted'
    END
FROM "Case" LEFT JOIN (
    SELECT e."caseId" AS "caseId", COUNT(*) AS "refusals" FROM "CaseEvent" e
    WHERE e."type" = 'readback_answered' AND json_extract(e."payload", '$.accepted') = 0
    GROUP BY e."caseId"
) r ON r."caseId" = "Case"."id";
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
CREATE INDEX "Case_insights_day_idx" ON "Case"("openedLocalDay", "locationId", "category", "isPractice", "readbackOutcome", "remedyCents", "firstApologyMs", "resolutionMs");
CREATE INDEX "Case_insights_firstApology_idx" ON "Case"("firstApologyMs", "isPractice", "locationId", "openedLocalDay");
CREATE INDEX "Case_insights_resolution_idx" ON "Case"("resolutionMs", "isPractice", "locationId", "openedLocalDay");
CREATE TABLE "new_CaseRootCause" (
    "caseId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "isPractice" BOOLEAN NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "openedLocalDay" TEXT NOT NULL,

    PRIMARY KEY ("caseId", "tagId"),
    CONSTRAINT "CaseRootCause_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseRootCause_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "RootCauseTag" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- The copy of the case's day, as above (rewritten by the same backfill).
INSERT INTO "new_CaseRootCause" ("caseId", "isPractice", "locationId", "openedAt", "tagId", "openedLocalDay") SELECT "caseId", "isPractice", "locationId", "openedAt", "tagId", "openedDay" FROM "CaseRootCause";
DROP TABLE "CaseRootCause";
ALTER TABLE "new_CaseRootCause" RENAME TO "CaseRootCause";
CREATE INDEX "CaseRootCause_tagId_caseId_idx" ON "CaseRootCause"("tagId", "caseId");
CREATE INDEX "CaseRootCause_insights_idx" ON "CaseRootCause"("locationId", "isPractice", "tagId", "openedLocalDay", "openedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
-- Queue the day backfill (scripts/backfills.mjs): it runs in the same `npm run db:migrate`, in one
-- transaction with the removal of this row, and drops this table once nothing is pending.
CREATE TABLE IF NOT EXISTS "_PendingBackfill" ("name" TEXT NOT NULL PRIMARY KEY);
INSERT OR IGNORE INTO "_PendingBackfill" ("name") VALUES ('venue_local_days');
