-- CreateTable
CREATE TABLE "HeadsUpAlert" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "raisedLocalDay" TEXT NOT NULL,
    "clientEventId" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,
    "endNote" TEXT,

    CONSTRAINT "HeadsUpAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HeadsUpCase" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "alertId" TEXT,
    "openedById" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "kind" TEXT,
    "what" TEXT,
    "spot" TEXT,
    "choice" TEXT,
    "chosenOption" TEXT,
    "customerAskedFirst" BOOLEAN,
    "toldById" TEXT,
    "toldAt" TIMESTAMP(3),
    "complaintCaseId" TEXT,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "openedLocalDay" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HeadsUpCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HeadsUpEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "clientEventId" TEXT NOT NULL,
    "result" TEXT NOT NULL,

    CONSTRAINT "HeadsUpEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HeadsUpAlert_clientEventId_key" ON "HeadsUpAlert"("clientEventId");

-- CreateIndex
CREATE INDEX "HeadsUpAlert_locationId_endedAt_raisedAt_idx" ON "HeadsUpAlert"("locationId", "endedAt", "raisedAt");

-- CreateIndex
CREATE INDEX "HeadsUpAlert_locationId_raisedLocalDay_idx" ON "HeadsUpAlert"("locationId", "raisedLocalDay");

-- CreateIndex
CREATE UNIQUE INDEX "HeadsUpCase_reference_key" ON "HeadsUpCase"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "HeadsUpCase_complaintCaseId_key" ON "HeadsUpCase"("complaintCaseId");

-- CreateIndex
CREATE INDEX "HeadsUpCase_locationId_openedAt_idx" ON "HeadsUpCase"("locationId", "openedAt");

-- CreateIndex
CREATE INDEX "HeadsUpCase_locationId_openedLocalDay_idx" ON "HeadsUpCase"("locationId", "openedLocalDay");

-- CreateIndex
CREATE INDEX "HeadsUpCase_alertId_openedAt_idx" ON "HeadsUpCase"("alertId", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "HeadsUpEvent_clientEventId_key" ON "HeadsUpEvent"("clientEventId");

-- CreateIndex
CREATE INDEX "HeadsUpEvent_type_at_idx" ON "HeadsUpEvent"("type", "at");

-- CreateIndex
CREATE UNIQUE INDEX "HeadsUpEvent_caseId_sequence_key" ON "HeadsUpEvent"("caseId", "sequence");

-- AddForeignKey
ALTER TABLE "HeadsUpAlert" ADD CONSTRAINT "HeadsUpAlert_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadsUpAlert" ADD CONSTRAINT "HeadsUpAlert_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadsUpAlert" ADD CONSTRAINT "HeadsUpAlert_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadsUpCase" ADD CONSTRAINT "HeadsUpCase_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadsUpCase" ADD CONSTRAINT "HeadsUpCase_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "HeadsUpAlert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadsUpCase" ADD CONSTRAINT "HeadsUpCase_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadsUpEvent" ADD CONSTRAINT "HeadsUpEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "HeadsUpCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadsUpEvent" ADD CONSTRAINT "HeadsUpEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
