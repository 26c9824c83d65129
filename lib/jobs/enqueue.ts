import type { Tx } from "@/lib/db/client";

export interface JobOptions {
  runAt?: Date;
  /** A later job with the same key replaces a pending one. */
  jobKey?: string;
  /** Lower runs first; pages go ahead of housekeeping. */
  priority?: number;
  /** Jobs of one queue run one at a time. */
  queueName?: string;
}

/** Adds a graphile-worker job in the caller's transaction: it exists exactly when the change does. */
export async function enqueueJob(tx: Tx, task: string, payload: Record<string, unknown>, options: JobOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    job_key => ${options.jobKey ?? null}::text,
    priority => ${options.priority ?? null}::int
  )`;
}

/** Adds one job per payload in a single statement, in the caller's transaction. */
export async function enqueueJobs(tx: Tx, task: string, payloads: Record<string, unknown>[], options: Pick<JobOptions, "priority"> = {}): Promise<void> {
  if (payloads.length === 0) return;
  await tx.$executeRaw`SELECT graphile_worker.add_jobs(ARRAY(
    SELECT ROW(${task}::text, payload, NULL, NULL, NULL, NULL, ${options.priority ?? null}::int, NULL)::graphile_worker.job_spec
    FROM json_array_elements(${JSON.stringify(payloads)}::json) AS payload
  ))`;
}

/** Removes a pending job by its key; a job already running finishes (its task must check for itself). */
export async function removeJob(tx: Tx, jobKey: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${jobKey}::text)`;
}
