import type { Tx } from "@/lib/db/client";
import type { Job } from "./registry";

export interface JobOptions {
  runAt?: Date;
  /** A later job with the same key replaces a pending one. */
  jobKey?: string;
  /** Lower runs first; pages go ahead of housekeeping. */
  priority?: number;
  /** Jobs of one queue run one at a time. */
  queueName?: string;
}

/** Adds a job in the caller's transaction: it exists exactly when the change does. */
export async function enqueue<Payload>(tx: Tx, job: Job<Payload>, payload: Payload, options: JobOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${job.name}::text,
    ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    job_key => ${options.jobKey ?? null}::text,
    priority => ${options.priority ?? null}::int
  )`;
}

export interface JobSpec<Payload> {
  payload: Payload;
  runAt?: Date;
  jobKey?: string;
}

/**
 * Adds one job per spec in a single statement, in the caller's transaction (a fan-out's pages, an
 * incident's escalation timers). graphile_worker.add_jobs takes a job_spec per job: identifier,
 * payload, queue_name, run_at, max_attempts, job_key, priority, flags.
 */
export async function enqueueMany<Payload>(tx: Tx, job: Job<Payload>, specs: JobSpec<Payload>[], options: Pick<JobOptions, "priority"> = {}): Promise<void> {
  if (specs.length === 0) return;
  const rows = specs.map((spec) => ({ payload: spec.payload, runAt: spec.runAt?.toISOString() ?? null, jobKey: spec.jobKey ?? null }));
  await tx.$executeRaw`SELECT graphile_worker.add_jobs(ARRAY(
    SELECT ROW(${job.name}::text, spec->'payload', NULL, (spec->>'runAt')::timestamptz, NULL, spec->>'jobKey', ${options.priority ?? null}::int, NULL)::graphile_worker.job_spec
    FROM json_array_elements(${JSON.stringify(rows)}::json) AS spec
  ))`;
}

/** Removes a pending job by its key; a job already running finishes (its task must check for itself). */
export async function removeJob(tx: Tx, jobKey: string): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${jobKey}::text)`;
}
