import type { TaskList } from "graphile-worker";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ACK_BREACH_TASK } from "@/lib/incidents/declare";
import { checkAckBreach } from "@/lib/incidents/lifecycle";

const SIGN_IN_HISTORY_DAYS = 30;

export function createTaskList(db: Db): TaskList {
  return {
    async [ACK_BREACH_TASK](payload) {
      const { incidentId } = z.object({ incidentId: z.uuid() }).parse(payload);
      await checkAckBreach(db, incidentId);
    },
    // Sign-in attempts only matter for throttling and recent review; keep a month.
    async "prune-sign-in-attempts"() {
      const before = new Date(Date.now() - SIGN_IN_HISTORY_DAYS * 86_400_000);
      await db.signInAttempt.deleteMany({ where: { createdAt: { lt: before } } });
    },
  };
}

export const crontab = ["17 3 * * * prune-sign-in-attempts"].join("\n");
