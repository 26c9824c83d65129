import { z } from "zod";
import { defineJob } from "@/lib/jobs/registry";

/** Runs one requested run, step by step. */
export const runbookRunJob = defineJob("runbook-run", z.object({ runId: z.uuid() }));
export const runJobKey = (runId: string) => `${runbookRunJob.name}:${runId}`;
/** Runs of one runbook go one at a time: one queue per runbook. */
export const runQueueName = (runbookKey: string) => `runbook:${runbookKey}`;

/** Every minute: runs left "running" by a worker that is gone. */
export const runbookSweepJob = defineJob("runbook-sweep", z.object({}));
