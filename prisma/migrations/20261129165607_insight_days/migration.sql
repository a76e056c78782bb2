-- CreateTable
CREATE TABLE "InsightDay" (
    "locationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "builtAt" DATETIME NOT NULL,
    "figures" TEXT NOT NULL,

    PRIMARY KEY ("locationId", "day")
);
