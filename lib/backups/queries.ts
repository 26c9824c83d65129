import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { incidentReference } from "@/lib/timeline/incident";

import { SIZE_TREND_DAYS } from "./format";

export { dataLossEstimate, type DataLossEstimate } from "@/lib/incidents/data-loss";

// The recent table shows this many reports; the size trend spans SIZE_TREND_DAYS.
const TREND_DAYS = SIZE_TREND_DAYS;
const RECENT_LENGTH = 50;

const reportFields = {
  id: true,
  kind: true,
  status: true,
  location: true,
  sizeBytes: true,
  checksum: true,
  finishedAt: true,
  encrypted: true,
  verified: true,
} as const;

// Sizes leave as numbers: a bigint cannot reach a client component, and a number is exact up to 8 PiB.
function plainReport<R extends { sizeBytes: bigint; finishedAt: Date }>(report: R): Omit<R, "sizeBytes" | "finishedAt"> & { sizeBytes: number; finishedAt: string } {
  return { ...report, sizeBytes: Number(report.sizeBytes), finishedAt: report.finishedAt.toISOString() };
}

/** Every system with its last good backup, its latest good backups oldest first, and its open staleness incident. */
export const listBackupSystems = cache(async () => {
  const systems = await db.system.findMany({
    select: { id: true, key: true, name: true, stalenesses: { where: { endedAt: null }, select: { incident: { select: { id: true, number: true, title: true } } } } },
    orderBy: { name: "asc" },
  });
  // A query per system, each an index range of its own, rather than every report of every system.
  return Promise.all(
    systems.map(async ({ stalenesses, ...system }) => {
      const lastGood = await db.backupReport.findFirst({ where: { systemId: system.id, status: "succeeded" }, orderBy: { finishedAt: "desc" }, select: reportFields });
      const trend = lastGood
        ? await db.$queryRaw<{ finishedAt: Date; sizeBytes: bigint }[]>`
            SELECT DISTINCT ON (date_trunc('day', "finishedAt")) "finishedAt", "sizeBytes"
              FROM "BackupReport"
             WHERE "systemId" = ${system.id}::uuid AND status = 'succeeded'
               AND "finishedAt" > ${lastGood.finishedAt}::timestamp - make_interval(days => ${TREND_DAYS})
             ORDER BY date_trunc('day', "finishedAt"), "finishedAt" DESC`
        : [];
      const incident = stalenesses[0]?.incident;
      return {
        ...system,
        lastGood: lastGood ? plainReport(lastGood) : null,
        trend: trend.map((backup) => ({ finishedAt: backup.finishedAt.toISOString(), sizeBytes: Number(backup.sizeBytes) })),
        staleIncident: incident ? { id: incident.id, reference: incidentReference(incident.number), title: incident.title } : null,
      };
    }),
  );
});

export type BackupSystem = Awaited<ReturnType<typeof listBackupSystems>>[number];

/** The latest reports across systems, failed ones included. */
export const listRecentReports = cache(async () => {
  const reports = await db.backupReport.findMany({
    select: { ...reportFields, system: { select: { key: true, name: true } } },
    orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
    take: RECENT_LENGTH,
  });
  return reports.map(plainReport);
});

export type RecentReport = Awaited<ReturnType<typeof listRecentReports>>[number];
