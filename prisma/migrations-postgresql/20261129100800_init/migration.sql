-- CreateTable
CREATE TABLE "Location" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "role" TEXT NOT NULL,
    "pinHash" TEXT,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserLocation" (
    "userId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,

    CONSTRAINT "UserLocation_pkey" PRIMARY KEY ("userId","locationId")
);

-- CreateTable
CREATE TABLE "RoleAuthority" (
    "role" TEXT NOT NULL,
    "limitCents" INTEGER NOT NULL,

    CONSTRAINT "RoleAuthority_pkey" PRIMARY KEY ("role")
);

-- CreateTable
CREATE TABLE "RootCauseTag" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "RootCauseTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
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
    "openedAt" TIMESTAMP(3) NOT NULL,
    "firstApologyAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3) NOT NULL,
    "isPractice" BOOLEAN NOT NULL DEFAULT false,
    "openedLocalDay" TEXT NOT NULL,
    "firstApologyMs" BIGINT,
    "resolutionMs" BIGINT,
    "remedyCents" BIGINT,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
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

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreedAction" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "AgreedAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseRootCause" (
    "caseId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "isPractice" BOOLEAN NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "openedLocalDay" TEXT NOT NULL,

    CONSTRAINT "CaseRootCause_pkey" PRIMARY KEY ("caseId","tagId")
);

-- CreateTable
CREATE TABLE "Compensation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "valueCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "decidedById" TEXT,
    "decisionNote" TEXT,

    CONSTRAINT "Compensation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "locationId" TEXT,
    "deviceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "pairedById" TEXT NOT NULL,
    "pairedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingCode" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "deviceName" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "deviceId" TEXT,

    CONSTRAINT "PairingCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SealKey" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SealKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HeldStep" (
    "id" TEXT NOT NULL,
    "clientEventId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HeldStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Improvement" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "locationId" TEXT,
    "tagId" TEXT,
    "owner" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Improvement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseImprovement" (
    "caseId" TEXT NOT NULL,
    "improvementId" TEXT NOT NULL,

    CONSTRAINT "CaseImprovement_pkey" PRIMARY KEY ("caseId","improvementId")
);

-- CreateTable
CREATE TABLE "CoachingComment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "eventSequence" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "CoachingComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCollection" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseCollection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionItem" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "note" TEXT,
    "addedById" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionItemTag" (
    "itemId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "CollectionItemTag_pkey" PRIMARY KEY ("itemId","tag")
);

-- CreateTable
CREATE TABLE "PracticeRun" (
    "id" TEXT NOT NULL,
    "practiceCaseId" TEXT NOT NULL,
    "sourceCaseId" TEXT NOT NULL,
    "traineeId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "UserLocation_locationId_idx" ON "UserLocation"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "RootCauseTag_slug_key" ON "RootCauseTag"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");

-- CreateIndex
CREATE INDEX "Case_locationId_openedAt_idx" ON "Case"("locationId", "openedAt");

-- CreateIndex
CREATE INDEX "Case_scope_openedAt_cover_idx" ON "Case"("locationId", "isPractice", "openedAt", "category", "readbackAccepted", "firstApologyAt", "resolvedAt", "id");

-- CreateIndex
CREATE INDEX "Case_status_lastEventAt_locationId_idx" ON "Case"("status", "lastEventAt", "locationId");

-- CreateIndex
CREATE INDEX "Case_lastEventAt_idx" ON "Case"("lastEventAt");

-- CreateIndex
CREATE INDEX "Case_severity_openedAt_idx" ON "Case"("severity", "openedAt");

-- CreateIndex
CREATE INDEX "Case_status_openedAt_idx" ON "Case"("status", "openedAt");

-- CreateIndex
CREATE INDEX "Case_openedById_openedAt_idx" ON "Case"("openedById", "openedAt");

-- CreateIndex
CREATE INDEX "Case_category_openedAt_idx" ON "Case"("category", "openedAt");

-- CreateIndex
CREATE INDEX "Case_openedAt_idx" ON "Case"("openedAt");

-- CreateIndex
CREATE INDEX "Case_insights_day_idx" ON "Case"("openedLocalDay", "locationId", "category", "isPractice", "readbackOutcome", "remedyCents", "firstApologyMs", "resolutionMs");

-- CreateIndex
CREATE INDEX "Case_insights_firstApology_idx" ON "Case"("firstApologyMs", "isPractice", "locationId", "openedLocalDay");

-- CreateIndex
CREATE INDEX "Case_insights_resolution_idx" ON "Case"("resolutionMs", "isPractice", "locationId", "openedLocalDay");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_clientEventId_key" ON "CaseEvent"("clientEventId");

-- CreateIndex
CREATE INDEX "CaseEvent_type_at_idx" ON "CaseEvent"("type", "at");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_caseId_sequence_key" ON "CaseEvent"("caseId", "sequence");

-- CreateIndex
CREATE INDEX "AgreedAction_caseId_idx" ON "AgreedAction"("caseId");

-- CreateIndex
CREATE INDEX "AgreedAction_status_dueAt_caseId_idx" ON "AgreedAction"("status", "dueAt", "caseId");

-- CreateIndex
CREATE INDEX "CaseRootCause_tagId_caseId_idx" ON "CaseRootCause"("tagId", "caseId");

-- CreateIndex
CREATE INDEX "CaseRootCause_insights_idx" ON "CaseRootCause"("locationId", "isPractice", "tagId", "openedLocalDay", "openedAt");

-- CreateIndex
CREATE INDEX "Compensation_caseId_idx" ON "Compensation"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_deviceId_idx" ON "Session"("deviceId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_key_at_idx" ON "SignInAttempt"("key", "at");

-- CreateIndex
CREATE INDEX "SignInAttempt_at_idx" ON "SignInAttempt"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Device_tokenHash_key" ON "Device"("tokenHash");

-- CreateIndex
CREATE INDEX "Device_locationId_revokedAt_idx" ON "Device"("locationId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PairingCode_codeHash_key" ON "PairingCode"("codeHash");

-- CreateIndex
CREATE INDEX "PairingCode_expiresAt_idx" ON "PairingCode"("expiresAt");

-- CreateIndex
CREATE INDEX "SealKey_sessionId_idx" ON "SealKey"("sessionId");

-- CreateIndex
CREATE INDEX "SealKey_createdAt_idx" ON "SealKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HeldStep_clientEventId_key" ON "HeldStep"("clientEventId");

-- CreateIndex
CREATE INDEX "HeldStep_caseId_idx" ON "HeldStep"("caseId");

-- CreateIndex
CREATE INDEX "Improvement_status_dueAt_idx" ON "Improvement"("status", "dueAt");

-- CreateIndex
CREATE INDEX "CaseImprovement_improvementId_idx" ON "CaseImprovement"("improvementId");

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

-- AddForeignKey
ALTER TABLE "UserLocation" ADD CONSTRAINT "UserLocation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserLocation" ADD CONSTRAINT "UserLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreedAction" ADD CONSTRAINT "AgreedAction_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRootCause" ADD CONSTRAINT "CaseRootCause_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRootCause" ADD CONSTRAINT "CaseRootCause_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "RootCauseTag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Compensation" ADD CONSTRAINT "Compensation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SealKey" ADD CONSTRAINT "SealKey_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseImprovement" ADD CONSTRAINT "CaseImprovement_improvementId_fkey" FOREIGN KEY ("improvementId") REFERENCES "Improvement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingComment" ADD CONSTRAINT "CoachingComment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingComment" ADD CONSTRAINT "CoachingComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingComment" ADD CONSTRAINT "CoachingComment_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "CaseCollection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItemTag" ADD CONSTRAINT "CollectionItemTag_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CollectionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRun" ADD CONSTRAINT "PracticeRun_practiceCaseId_fkey" FOREIGN KEY ("practiceCaseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRun" ADD CONSTRAINT "PracticeRun_sourceCaseId_fkey" FOREIGN KEY ("sourceCaseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRun" ADD CONSTRAINT "PracticeRun_traineeId_fkey" FOREIGN KEY ("traineeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma's schema language cannot describe an expression index): the manager
-- queue's text search is PostgreSQL full-text search over the customer's words
-- (lib/manager/filters.ts, docs/decisions/0020). 'simple' keeps every word as typed, in any language.
CREATE INDEX "Case_customerWords_fts_idx" ON "Case" USING GIN (to_tsvector('simple', coalesce("customerWords", '')));
