-- AlterTable
ALTER TABLE "WorkerHeartbeat" ADD COLUMN     "serverStartedAt" TIMESTAMPTZ(6);
