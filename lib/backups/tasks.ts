import { z } from "zod";
import { defineJob, defineTask } from "@/lib/jobs/registry";
import { checkBackupFreshness } from "./freshness";

/** Every minute: systems whose last good backup is older than the RPO open an incident. */
export const backupFreshnessJob = defineJob("backup-freshness", z.object({}));

export const backupTasks = [
  defineTask({
    job: backupFreshnessJob,
    lane: "control",
    schedule: "* * * * *",
    async run(db) {
      await checkBackupFreshness(db);
    },
  }),
];
