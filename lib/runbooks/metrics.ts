import type { Db } from "@/lib/db/client";

// The plan's recovery_success_total and run durations, from the database, so every instance
// (and several workers) give the same figures. /api/metrics exposes them (issue 7).

export interface RunOutcomeCount {
  runbook: string;
  /** "success", or the way it did not succeed: failed, timed_out, cancelled, failed_unknown. */
  result: string;
  count: number;
}

/** Finished runs by runbook and result (a drill or a rejected request is not a recovery). */
export async function recoveryOutcomes(db: Db): Promise<RunOutcomeCount[]> {
  const rows = await db.$queryRaw<{ runbook: string; status: string; count: bigint }[]>`
    SELECT b.key AS runbook, r.status::text AS status, count(*) AS count
      FROM "RunbookRun" r JOIN "Runbook" b ON b.id = r."runbookId"
     WHERE r.status IN ('succeeded', 'failed', 'timed_out', 'cancelled', 'failed_unknown') AND r."drillRunId" IS NULL
     GROUP BY b.key, r.status
     ORDER BY b.key, r.status`;
  return rows.map((row) => ({ runbook: row.runbook, result: row.status === "succeeded" ? "success" : row.status, count: Number(row.count) }));
}

export interface RunDurations {
  runbook: string;
  count: number;
  sumSeconds: number;
}

/** Start to finish of every run that started and ended, per runbook (drill runs excluded: they are rehearsals). */
export async function runDurations(db: Db): Promise<RunDurations[]> {
  const rows = await db.$queryRaw<{ runbook: string; count: bigint; sum: number }[]>`
    SELECT b.key AS runbook, count(*) AS count, coalesce(sum(extract(epoch FROM r."finishedAt" - r."startedAt")), 0)::float8 AS sum
      FROM "RunbookRun" r JOIN "Runbook" b ON b.id = r."runbookId"
     WHERE r."startedAt" IS NOT NULL AND r."finishedAt" IS NOT NULL AND r."drillRunId" IS NULL
     GROUP BY b.key
     ORDER BY b.key`;
  return rows.map((row) => ({ runbook: row.runbook, count: Number(row.count), sumSeconds: row.sum }));
}
