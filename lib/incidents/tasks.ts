import { defineTask } from "@/lib/jobs/registry";
import { ackBreachJob } from "./jobs";
import { checkAckBreach } from "./lifecycle";

export const incidentTasks = [defineTask({ job: ackBreachJob, lane: "control", run: (db, { incidentId }) => checkAckBreach(db, incidentId) })];
