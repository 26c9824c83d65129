import type { Tx } from "@/lib/db/client";

export interface JobOptions {
  runAt?: Date;
  /** A later job with the same key replaces a pending one. */
  jobKey?: string;
}

/** Adds a graphile-worker job in the caller's transaction: it exists exactly when the change does. */
export async function enqueueJob(tx: Tx, task: string, payload: Record<string, unknown>, options: JobOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    job_key => ${options.jobKey ?? null}::text
  )`;
}
