-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Improvement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "locationId" TEXT,
    "tagId" TEXT,
    "owner" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CaseImprovement" (
    "caseId" TEXT NOT NULL,
    "improvementId" TEXT NOT NULL,

    PRIMARY KEY ("caseId", "improvementId"),
    CONSTRAINT "CaseImprovement_improvementId_fkey" FOREIGN KEY ("improvementId") REFERENCES "Improvement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SignInAttempt_key_at_idx" ON "SignInAttempt"("key", "at");

-- CreateIndex
CREATE INDEX "Improvement_status_dueAt_idx" ON "Improvement"("status", "dueAt");

-- CreateIndex
CREATE INDEX "CaseImprovement_improvementId_idx" ON "CaseImprovement"("improvementId");
