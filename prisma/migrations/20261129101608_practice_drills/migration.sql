-- AlterTable
ALTER TABLE "CaseCollection" ADD COLUMN "publishedAt" DATETIME;
-- Collections made before drafts existed were already on staff practice lists: keep them there.
UPDATE "CaseCollection" SET "publishedAt" = "createdAt";

-- CreateTable
CREATE TABLE "PracticeDrill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceCaseId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "assignedById" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PracticeDrill_sourceCaseId_fkey" FOREIGN KEY ("sourceCaseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeDrill_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeDrill_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeDrill_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PracticeDrill_locationId_dueAt_idx" ON "PracticeDrill"("locationId", "dueAt");

-- CreateIndex
CREATE INDEX "PracticeDrill_assigneeId_dueAt_idx" ON "PracticeDrill"("assigneeId", "dueAt");

-- CreateIndex
CREATE INDEX "PracticeDrill_sourceCaseId_idx" ON "PracticeDrill"("sourceCaseId");
