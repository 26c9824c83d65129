import type { Tx } from "@/lib/db/client";

export const ESCALATION_TASK = "paging-escalation-step";
// One pending timer per escalation: a new schedule replaces the one before.
export const escalationJobKey = (escalationId: string) => `${ESCALATION_TASK}:${escalationId}`;
// Ahead of page sends: firing a step is one short transaction, and a step due in the middle of a
// 500-page fan-out must not wait for the fan-out to finish.
const ESCALATION_JOB_PRIORITY = -20;

export interface EscalationTimer {
  escalationId: string;
  runAt: Date;
}

/**
 * Sets the timers for the escalations' next steps in one statement, in the caller's transaction.
 * enqueueJobs takes no run time or key per job; graphile_worker.add_jobs does (job_spec: identifier,
 * payload, queue_name, run_at, max_attempts, job_key, priority, flags).
 */
export async function scheduleEscalationSteps(tx: Tx, timers: EscalationTimer[]): Promise<void> {
  if (timers.length === 0) return;
  const specs = timers.map((timer) => ({ payload: { escalationId: timer.escalationId }, runAt: timer.runAt.toISOString(), jobKey: escalationJobKey(timer.escalationId) }));
  await tx.$executeRaw`SELECT graphile_worker.add_jobs(ARRAY(
    SELECT ROW(${ESCALATION_TASK}::text, spec->'payload', NULL, (spec->>'runAt')::timestamptz, NULL, spec->>'jobKey', ${ESCALATION_JOB_PRIORITY}::int, NULL)::graphile_worker.job_spec
    FROM json_array_elements(${JSON.stringify(specs)}::json) AS spec
  ))`;
}
