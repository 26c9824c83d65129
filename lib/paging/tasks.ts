import { defineTask } from "@/lib/jobs/registry";
import { runEscalationStep } from "@/lib/paging/escalation/escalations";
import { escalationStepJob, pageSendJob, pagingStartJob } from "./jobs";
import { startQueuedPaging } from "@/lib/paging/escalation/queued-start";
import { sendPage } from "@/lib/paging/delivery/send";

export const pagingTasks = [
  defineTask({ job: pageSendJob, lane: "pages", run: (db, { pageId }) => sendPage(db, pageId) }),
  defineTask({ job: escalationStepJob, lane: "control", run: (db, { escalationId }) => runEscalationStep(db, escalationId) }),
  defineTask({ job: pagingStartJob, lane: "control", run: (db, { incidentId }) => startQueuedPaging(db, incidentId) }),
];
