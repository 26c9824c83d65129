-- AlterTable
ALTER TABLE "WorkerHeartbeat" ADD COLUMN     "backendPid" INTEGER;
