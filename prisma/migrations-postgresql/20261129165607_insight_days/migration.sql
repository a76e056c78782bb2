-- CreateTable
CREATE TABLE "InsightDay" (
    "locationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL,
    "figures" TEXT NOT NULL,

    CONSTRAINT "InsightDay_pkey" PRIMARY KEY ("locationId","day")
);
