-- CreateEnum
CREATE TYPE "BackupKind" AS ENUM ('database', 'chain_data', 'monitoring', 'offsite');

-- CreateEnum
CREATE TYPE "BackupStatus" AS ENUM ('succeeded', 'failed');

-- CreateEnum
CREATE TYPE "DrillResult" AS ENUM ('passed', 'partial', 'failed');

-- AlterTable
ALTER TABLE "RunbookRun" ADD COLUMN     "drillRunId" UUID;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackupReport" (
    "id" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "kind" "BackupKind" NOT NULL,
    "status" "BackupStatus" NOT NULL DEFAULT 'succeeded',
    "location" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "checksum" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "encrypted" BOOLEAN NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "tokenId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackupReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackupStaleness" (
    "id" UUID NOT NULL,
    "systemId" UUID NOT NULL,
    "openSystemId" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "incidentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackupStaleness_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillRun" (
    "id" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "performedAt" TIMESTAMP(3) NOT NULL,
    "participants" TEXT[],
    "systems" TEXT[],
    "recoveryTimeSeconds" INTEGER,
    "dataLossSeconds" INTEGER,
    "result" "DrillResult" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DrillRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertIncident" (
    "fingerprint" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "incidentId" UUID NOT NULL,
    "alertName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "receivedCount" INTEGER NOT NULL DEFAULT 1,
    "lastReceivedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertIncident_pkey" PRIMARY KEY ("fingerprint","startsAt")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE INDEX "BackupReport_systemId_status_finishedAt_idx" ON "BackupReport"("systemId", "status", "finishedAt");

-- CreateIndex
CREATE INDEX "BackupReport_finishedAt_idx" ON "BackupReport"("finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BackupStaleness_openSystemId_key" ON "BackupStaleness"("openSystemId");

-- CreateIndex
CREATE INDEX "BackupStaleness_systemId_startedAt_idx" ON "BackupStaleness"("systemId", "startedAt");

-- CreateIndex
CREATE INDEX "DrillRun_scheduleId_performedAt_idx" ON "DrillRun"("scheduleId", "performedAt");

-- CreateIndex
CREATE INDEX "AlertIncident_incidentId_idx" ON "AlertIncident"("incidentId");

-- CreateIndex
CREATE INDEX "RunbookRun_drillRunId_idx" ON "RunbookRun"("drillRunId");

-- AddForeignKey
ALTER TABLE "RunbookRun" ADD CONSTRAINT "RunbookRun_drillRunId_fkey" FOREIGN KEY ("drillRunId") REFERENCES "DrillRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupReport" ADD CONSTRAINT "BackupReport_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupReport" ADD CONSTRAINT "BackupReport_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupStaleness" ADD CONSTRAINT "BackupStaleness_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "System"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackupStaleness" ADD CONSTRAINT "BackupStaleness_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillRun" ADD CONSTRAINT "DrillRun_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "DrillSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillRun" ADD CONSTRAINT "DrillRun_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertIncident" ADD CONSTRAINT "AlertIncident_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
