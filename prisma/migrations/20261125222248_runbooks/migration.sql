-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('awaiting_approval', 'rejected', 'queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out', 'failed_unknown');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out', 'skipped');

-- AlterEnum
ALTER TYPE "PageKind" ADD VALUE 'approval';

-- CreateTable
CREATE TABLE "Runbook" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "systemKey" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "destructive" BOOLEAN NOT NULL DEFAULT false,
    "role" "Role" NOT NULL DEFAULT 'commander',
    "requires" TEXT[],
    "definition" JSONB NOT NULL,
    "definitionHash" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Runbook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookRun" (
    "id" UUID NOT NULL,
    "runbookId" UUID NOT NULL,
    "definitionHash" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "parameters" JSONB NOT NULL,
    "incidentId" UUID,
    "status" "RunStatus" NOT NULL,
    "requestedById" UUID,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "rejectedById" UUID,
    "rejectedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "cancelRequestedAt" TIMESTAMP(3),
    "cancelledById" UUID,
    "heartbeatAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "RunbookRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookStep" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "StepStatus" NOT NULL DEFAULT 'pending',
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "exitCode" INTEGER,
    "result" TEXT,
    "error" TEXT,

    CONSTRAINT "RunbookStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunOutput" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "stream" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunOutput_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Runbook_key_key" ON "Runbook"("key");

-- CreateIndex
CREATE INDEX "RunbookRun_runbookId_requestedAt_idx" ON "RunbookRun"("runbookId", "requestedAt");

-- CreateIndex
CREATE INDEX "RunbookRun_incidentId_idx" ON "RunbookRun"("incidentId");

-- CreateIndex
CREATE INDEX "RunbookRun_status_idx" ON "RunbookRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookStep_runId_position_key" ON "RunbookStep"("runId", "position");

-- CreateIndex
CREATE INDEX "RunOutput_runId_id_idx" ON "RunOutput"("runId", "id");

-- AddForeignKey
ALTER TABLE "RunbookRun" ADD CONSTRAINT "RunbookRun_runbookId_fkey" FOREIGN KEY ("runbookId") REFERENCES "Runbook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookRun" ADD CONSTRAINT "RunbookRun_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookStep" ADD CONSTRAINT "RunbookStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RunbookRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunOutput" ADD CONSTRAINT "RunOutput_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RunbookRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
