import { defineTask } from "@/lib/jobs/registry";
import { runbookRunJob, runbookSweepJob } from "./jobs";
import { executeRun, sweepAbandonedRuns } from "./run-worker";

export const runbookTasks = [
  defineTask({ job: runbookRunJob, lane: "runbooks", run: (db, { runId }) => executeRun(db, runId) }),
  defineTask({
    job: runbookSweepJob,
    lane: "control",
    schedule: "* * * * *",
    async run(db) {
      await sweepAbandonedRuns(db);
    },
  }),
];
