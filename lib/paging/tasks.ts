import { defineTask } from "@/lib/jobs/registry";
import { runEscalationStep } from "@/lib/paging/escalation/escalations";
import { escalationStepJob, pageSendJob, pagingStartJob } from "./jobs";
import { startQueuedPaging } from "@/lib/paging/escalation/queued-start";
import { sendPages } from "@/lib/paging/delivery/send";

export const pagingTasks = [
  defineTask({ job: pageSendJob, lane: "pages", run: (db, { pageIds }) => sendPages(db, pageIds) }),
  defineTask({ job: escalationStepJob, lane: "control", run: (db, { escalationId }) => runEscalationStep(db, escalationId) }),
  defineTask({ job: pagingStartJob, lane: "control", run: (db, { incidentId }) => startQueuedPaging(db, incidentId) }),
];
