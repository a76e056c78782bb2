-- CreateTable
CREATE TABLE "CoachingComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "eventSequence" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "CoachingComment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoachingComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CoachingComment_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseCollection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CollectionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "collectionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "note" TEXT,
    "addedById" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CollectionItem_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "CaseCollection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CollectionItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CollectionItemTag" (
    "itemId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("itemId", "tag"),
    CONSTRAINT "CollectionItemTag_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CollectionItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practiceCaseId" TEXT NOT NULL,
    "sourceCaseId" TEXT NOT NULL,
    "traineeId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PracticeRun_practiceCaseId_fkey" FOREIGN KEY ("practiceCaseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeRun_sourceCaseId_fkey" FOREIGN KEY ("sourceCaseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeRun_traineeId_fkey" FOREIGN KEY ("traineeId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CoachingComment_caseId_eventSequence_idx" ON "CoachingComment"("caseId", "eventSequence");

-- CreateIndex
CREATE INDEX "CoachingComment_staffId_createdAt_idx" ON "CoachingComment"("staffId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCollection_name_key" ON "CaseCollection"("name");

-- CreateIndex
CREATE INDEX "CollectionItem_caseId_idx" ON "CollectionItem"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionItem_collectionId_caseId_key" ON "CollectionItem"("collectionId", "caseId");

-- CreateIndex
CREATE INDEX "CollectionItemTag_tag_idx" ON "CollectionItemTag"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeRun_practiceCaseId_key" ON "PracticeRun"("practiceCaseId");

-- CreateIndex
CREATE INDEX "PracticeRun_sourceCaseId_traineeId_idx" ON "PracticeRun"("sourceCaseId", "traineeId");

-- CreateIndex
CREATE INDEX "PracticeRun_traineeId_startedAt_idx" ON "PracticeRun"("traineeId", "startedAt");
