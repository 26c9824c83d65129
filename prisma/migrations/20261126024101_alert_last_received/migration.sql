-- AlterTable
ALTER TABLE "AlertIncident" DROP COLUMN "receivedCount";
