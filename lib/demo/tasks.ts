import { z } from "zod";
import { defineJob, defineTask } from "@/lib/jobs/registry";
import { reportDemoBackups } from "./backups";

/** The demo's "backup scripts": fresh reports every few minutes, so the demo stays within its RPO. */
export const demoBackupsJob = defineJob("demo-backups", z.object({}));

export const demoTasks = [
  defineTask({
    job: demoBackupsJob,
    lane: "control",
    schedule: "* * * * *",
    async run(db) {
      await reportDemoBackups(db);
    },
  }),
];
