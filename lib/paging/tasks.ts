import { defineTask } from "@/lib/jobs/registry";
import { runEscalationStep } from "@/lib/paging/escalation/escalations";
import { escalationStepJob, pageSendJob, pagingStartJob, pruneProviderEventsJob } from "./jobs";
import { pruneProviderEvents } from "@/lib/paging/delivery/provider-status";
import { startQueuedPaging } from "@/lib/paging/escalation/queued-start";
import { sendPages } from "@/lib/paging/delivery/send";

export const pagingTasks = [
  defineTask({ job: pageSendJob, lane: "pages", run: (db, { pageIds }) => sendPages(db, pageIds) }),
  defineTask({ job: escalationStepJob, lane: "control", run: (db, { escalationId }) => runEscalationStep(db, escalationId) }),
  defineTask({ job: pagingStartJob, lane: "control", run: (db, { incidentId }) => startQueuedPaging(db, incidentId) }),
  defineTask({ job: pruneProviderEventsJob, lane: "control", schedule: "23 3 * * *", run: async (db) => void (await pruneProviderEvents(db)) }),
];
