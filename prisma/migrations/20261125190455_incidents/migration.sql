-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "IncidentRole" AS ENUM ('commander', 'communications_lead', 'scribe');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "ackDueAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "breachedAt" TIMESTAMP(3),
ADD COLUMN     "dataLossSeconds" INTEGER,
ADD COLUMN     "followUp" TEXT,
ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "prevention" TEXT,
ADD COLUMN     "resolution" TEXT;

-- CreateTable
CREATE TABLE "IncidentRoleAssignment" (
    "id" BIGSERIAL NOT NULL,
    "incidentId" UUID NOT NULL,
    "role" "IncidentRole" NOT NULL,
    "userId" UUID NOT NULL,
    "assignedById" UUID,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "IncidentRoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentRoleAssignment_incidentId_role_endedAt_idx" ON "IncidentRoleAssignment"("incidentId", "role", "endedAt");

-- CreateIndex
CREATE INDEX "Incident_commanderId_idx" ON "Incident"("commanderId");

-- CreateIndex
CREATE INDEX "Incident_title_idx" ON "Incident" USING GIN ("title" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "IncidentRoleAssignment" ADD CONSTRAINT "IncidentRoleAssignment_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRoleAssignment" ADD CONSTRAINT "IncidentRoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRoleAssignment" ADD CONSTRAINT "IncidentRoleAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
