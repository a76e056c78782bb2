-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "stateSequence" INTEGER,
ADD COLUMN     "stateSnapshot" TEXT;
