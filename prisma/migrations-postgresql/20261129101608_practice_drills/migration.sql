-- AlterTable
ALTER TABLE "CaseCollection" ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PracticeDrill" (
    "id" TEXT NOT NULL,
    "sourceCaseId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "assignedById" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeDrill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PracticeDrill_locationId_dueAt_idx" ON "PracticeDrill"("locationId", "dueAt");

-- CreateIndex
CREATE INDEX "PracticeDrill_assigneeId_dueAt_idx" ON "PracticeDrill"("assigneeId", "dueAt");

-- CreateIndex
CREATE INDEX "PracticeDrill_sourceCaseId_idx" ON "PracticeDrill"("sourceCaseId");

-- AddForeignKey
ALTER TABLE "PracticeDrill" ADD CONSTRAINT "PracticeDrill_sourceCaseId_fkey" FOREIGN KEY ("sourceCaseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeDrill" ADD CONSTRAINT "PracticeDrill_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeDrill" ADD CONSTRAINT "PracticeDrill_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeDrill" ADD CONSTRAINT "PracticeDrill_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
