import type { Db, Tx } from "@/lib/db/client";
import { lastGoodBackupBefore } from "./last-good-backup";

export interface DataLossEstimate {
  /** From the last good backup to the declaration, in whole seconds. */
  seconds: number;
  /** The affected system whose last good backup is the oldest. */
  systemId: string;
  lastGoodAt: Date;
}

/**
 * What an incident may have lost: everything written since the stalest of its systems' last good
 * backups before it was declared. null when the incident is unknown or none of its systems had one.
 */
export async function dataLossEstimate(db: Db | Tx, incidentId: string): Promise<DataLossEstimate | null> {
  const incident = await db.incident.findUnique({ where: { id: incidentId }, select: { declaredAt: true, systems: { select: { systemId: true } } } });
  if (!incident) return null;
  const lastGood = await lastGoodBackupBefore(db, incident.systems.map((system) => system.systemId), incident.declaredAt);
  if (!lastGood) return null;
  const seconds = Math.max(0, Math.floor((incident.declaredAt.getTime() - lastGood.finishedAt.getTime()) / 1000));
  return { seconds, systemId: lastGood.systemId, lastGoodAt: lastGood.finishedAt };
}
