import type { Db } from "@/lib/db/client";
import { countLiveWorkers } from "@/lib/health/workers";
import { getObjectives } from "@/lib/incidents/objectives";
import { recoveryOutcomes, runDurations, type RunDurations } from "@/lib/runbooks/metrics";
import { openBySeverity, openRecoveries, recentDataLoss, recoveredWithinRto, type IncidentSeries } from "./incident-figures";
import { backupAges, overdueDrills, pagesByChannelAndStatus } from "./operations-figures";

/** Everything one scrape exposes, read from the database at that moment. */
export interface MetricsSnapshot {
  recoveryTimes: IncidentSeries[];
  dataLosses: IncidentSeries[];
  recoveredIncidents: number;
  succeededRunbookRuns: number;
  openIncidents: { severity: string; count: number }[];
  pages: { channel: string; status: string; count: number }[];
  backupAges: { system: string; seconds: number }[];
  overdueDrills: number;
  runDurations: RunDurations[];
  workersAlive: number;
}

export async function readMetricsSnapshot(db: Db, now: Date): Promise<MetricsSnapshot> {
  const { rtoSeconds } = await getObjectives(db);
  const [recoveryTimes, dataLosses, recoveredIncidents, outcomes, openIncidents, pages, ages, overdue, durations, workersAlive] = await Promise.all([
    openRecoveries(db, now),
    recentDataLoss(db, now),
    recoveredWithinRto(db, rtoSeconds),
    recoveryOutcomes(db),
    openBySeverity(db),
    pagesByChannelAndStatus(db),
    backupAges(db, now),
    overdueDrills(db, now),
    runDurations(db),
    countLiveWorkers(db),
  ]);
  return {
    recoveryTimes,
    dataLosses,
    recoveredIncidents,
    succeededRunbookRuns: outcomes.filter((outcome) => outcome.result === "success").reduce((sum, outcome) => sum + outcome.count, 0),
    openIncidents,
    pages,
    backupAges: ages,
    overdueDrills: overdue,
    runDurations: durations,
    workersAlive,
  };
}
