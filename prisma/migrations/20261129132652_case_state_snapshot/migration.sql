-- AlterTable
ALTER TABLE "Case" ADD COLUMN "stateSequence" INTEGER;
ALTER TABLE "Case" ADD COLUMN "stateSnapshot" TEXT;
