import { z } from "zod";
import { defineJob, defineTask } from "@/lib/jobs/registry";
import { throttleLimits } from "./throttle";

// Sign-in attempts are history for review: keep a month. Throttle counts whose failures are
// forgotten (lib/auth/throttle.ts) and whose wait is over are dropped too.
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
      const forgotten = new Date(Date.now() - throttleLimits().windowMs);
      await db.signInThrottle.deleteMany({
        where: { OR: [{ lastFailureAt: null }, { lastFailureAt: { lt: forgotten } }], AND: [{ OR: [{ blockedUntil: null }, { blockedUntil: { lt: new Date() } }] }] },
      });
    },
  }),
];
