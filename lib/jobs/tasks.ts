import type { TaskList } from "graphile-worker";
import { z } from "zod";
import { BACKUP_FRESHNESS_TASK, checkBackupFreshness } from "@/lib/backups/freshness";
import type { Db } from "@/lib/db/client";
import { reportDemoBackups } from "@/lib/demo/backups";
import { ACK_BREACH_TASK } from "@/lib/incidents/declare";
import { checkAckBreach } from "@/lib/incidents/lifecycle";
import { ESCALATION_TASK, runEscalationStep } from "@/lib/paging/escalation";
import { PAGE_SEND_TASK } from "@/lib/paging/pages";
import { PAGING_START_TASK, startQueuedPaging } from "@/lib/paging/queued-start";
import { sendPage } from "@/lib/paging/send";
import { RUNBOOK_TASK } from "@/lib/runbooks/requests";
import { executeRun, sweepAbandonedRuns } from "@/lib/runbooks/run-worker";

const SIGN_IN_HISTORY_DAYS = 30;

const incidentPayload = z.object({ incidentId: z.uuid() });
const escalationPayload = z.object({ escalationId: z.uuid() });
const pagePayload = z.object({ pageId: z.uuid() });
const runPayload = z.object({ runId: z.uuid() });

export function createTaskList(db: Db): TaskList {
  return {
    async [ACK_BREACH_TASK](payload) {
      await checkAckBreach(db, incidentPayload.parse(payload).incidentId);
    },
    async [ESCALATION_TASK](payload) {
      await runEscalationStep(db, escalationPayload.parse(payload).escalationId);
    },
    async [PAGING_START_TASK](payload) {
      await startQueuedPaging(db, incidentPayload.parse(payload).incidentId);
    },
    async [PAGE_SEND_TASK](payload) {
      await sendPage(db, pagePayload.parse(payload).pageId);
    },
    async [RUNBOOK_TASK](payload) {
      await executeRun(db, runPayload.parse(payload).runId);
    },
    async "runbook-sweep"() {
      await sweepAbandonedRuns(db);
    },
    async [BACKUP_FRESHNESS_TASK]() {
      await checkBackupFreshness(db);
    },
    async "demo-backups"() {
      await reportDemoBackups(db);
    },
    // Sign-in attempts only matter for throttling and recent review; keep a month.
    async "prune-sign-in-attempts"() {
      const before = new Date(Date.now() - SIGN_IN_HISTORY_DAYS * 86_400_000);
      await db.signInAttempt.deleteMany({ where: { createdAt: { lt: before } } });
    },
  };
}

export const crontab = ["17 3 * * * prune-sign-in-attempts", "* * * * * runbook-sweep", `* * * * * ${BACKUP_FRESHNESS_TASK}`, "* * * * * demo-backups"].join("\n");
