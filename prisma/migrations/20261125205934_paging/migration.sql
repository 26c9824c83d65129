-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('sms', 'email');

-- CreateEnum
CREATE TYPE "PageKind" AS ENUM ('incident', 'update', 'resolution', 'confirmation');

-- CreateEnum
CREATE TYPE "TemplateKind" AS ENUM ('incident', 'update', 'resolution');

-- CreateEnum
CREATE TYPE "PageStatus" AS ENUM ('queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('active', 'acknowledged', 'exhausted', 'ended');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "acceptsEmail" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "acceptsSms" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "acknowledgedBy" TEXT,
ADD COLUMN     "acknowledgedVia" TEXT;

-- CreateTable
CREATE TABLE "EscalationPolicy" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "repeatCount" INTEGER NOT NULL DEFAULT 0,
    "steps" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EscalationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeverityAudienceTeam" (
    "severityId" UUID NOT NULL,
    "teamId" UUID NOT NULL,

    CONSTRAINT "SeverityAudienceTeam_pkey" PRIMARY KEY ("severityId","teamId")
);

-- CreateTable
CREATE TABLE "SeverityAudienceContact" (
    "severityId" UUID NOT NULL,
    "contactId" UUID NOT NULL,

    CONSTRAINT "SeverityAudienceContact_pkey" PRIMARY KEY ("severityId","contactId")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "teamId" UUID,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "policy" JSONB NOT NULL,
    "status" "EscalationStatus" NOT NULL DEFAULT 'active',
    "nextStep" INTEGER NOT NULL DEFAULT 0,
    "round" INTEGER NOT NULL DEFAULT 0,
    "nextStepAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Page" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "contactId" UUID,
    "escalationId" UUID,
    "step" INTEGER,
    "round" INTEGER,
    "kind" "PageKind" NOT NULL,
    "channel" "Channel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" "PageStatus" NOT NULL DEFAULT 'queued',
    "providerId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "fallbackForId" UUID,
    "dedupeKey" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedVia" TEXT,
    "linkUsedAt" TIMESTAMP(3),

    CONSTRAINT "Page_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageAttempt" (
    "id" BIGSERIAL NOT NULL,
    "pageId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "httpStatus" INTEGER,
    "error" TEXT,

    CONSTRAINT "PageAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderEvent" (
    "provider" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "pageId" UUID,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderEvent_pkey" PRIMARY KEY ("provider","eventKey")
);

-- CreateTable
CREATE TABLE "NotificationTemplate" (
    "kind" "TemplateKind" NOT NULL,
    "channel" "Channel" NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationTemplate_pkey" PRIMARY KEY ("kind","channel")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "workerIds" TEXT[],
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EscalationPolicy_teamId_key" ON "EscalationPolicy"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_incidentId_key_key" ON "Escalation"("incidentId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Page_fallbackForId_key" ON "Page"("fallbackForId");

-- CreateIndex
CREATE UNIQUE INDEX "Page_dedupeKey_key" ON "Page"("dedupeKey");

-- CreateIndex
CREATE INDEX "Page_incidentId_queuedAt_idx" ON "Page"("incidentId", "queuedAt");

-- CreateIndex
CREATE INDEX "Page_contactId_status_idx" ON "Page"("contactId", "status");

-- CreateIndex
CREATE INDEX "Page_providerId_idx" ON "Page"("providerId");

-- CreateIndex
CREATE INDEX "Page_status_queuedAt_idx" ON "Page"("status", "queuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PageAttempt_pageId_number_key" ON "PageAttempt"("pageId", "number");

-- CreateIndex
CREATE INDEX "ProviderEvent_pageId_idx" ON "ProviderEvent"("pageId");

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_seenAt_idx" ON "WorkerHeartbeat"("seenAt");

-- AddForeignKey
ALTER TABLE "EscalationPolicy" ADD CONSTRAINT "EscalationPolicy_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeverityAudienceTeam" ADD CONSTRAINT "SeverityAudienceTeam_severityId_fkey" FOREIGN KEY ("severityId") REFERENCES "SeverityLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeverityAudienceTeam" ADD CONSTRAINT "SeverityAudienceTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeverityAudienceContact" ADD CONSTRAINT "SeverityAudienceContact_severityId_fkey" FOREIGN KEY ("severityId") REFERENCES "SeverityLevel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeverityAudienceContact" ADD CONSTRAINT "SeverityAudienceContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_fallbackForId_fkey" FOREIGN KEY ("fallbackForId") REFERENCES "Page"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageAttempt" ADD CONSTRAINT "PageAttempt_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page"("id") ON DELETE CASCADE ON UPDATE CASCADE;
