import { z } from "zod";
import { defineJob, defineTask } from "@/lib/jobs/registry";

// Sign-in attempts only matter for throttling and recent review; keep a month.
const SIGN_IN_HISTORY_DAYS = 30;

export const pruneSignInAttemptsJob = defineJob("prune-sign-in-attempts", z.object({}));

export const authTasks = [
  defineTask({
    job: pruneSignInAttemptsJob,
    lane: "control",
    schedule: "17 3 * * *",
    async run(db) {
      const before = new Date(Date.now() - SIGN_IN_HISTORY_DAYS * 86_400_000);
      await db.signInAttempt.deleteMany({ where: { createdAt: { lt: before } } });
    },
  }),
];
