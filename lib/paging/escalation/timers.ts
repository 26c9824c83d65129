import type { Tx } from "@/lib/db/client";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { escalationJobKey, escalationStepJob } from "@/lib/paging/jobs";

// Ahead of page sends: firing a step is one short transaction, and a step due in the middle of a
// 500-page fan-out must not wait for the fan-out to finish.
const ESCALATION_JOB_PRIORITY = -20;

export interface EscalationTimer {
  escalationId: string;
  runAt: Date;
}

/** Sets the timers for the escalations' next steps in one statement, in the caller's transaction. */
export async function scheduleEscalationSteps(tx: Tx, timers: EscalationTimer[]): Promise<void> {
  const specs = timers.map((timer) => ({ payload: { escalationId: timer.escalationId }, runAt: timer.runAt, jobKey: escalationJobKey(timer.escalationId) }));
  await enqueueMany(tx, escalationStepJob, specs, { priority: ESCALATION_JOB_PRIORITY });
}
