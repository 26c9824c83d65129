import { z } from "zod";
import { defineJob } from "@/lib/jobs/registry";

/** The acknowledge-by timer: at the target, the incident is marked breached if nobody acknowledged. */
export const ackBreachJob = defineJob("incident-ack-breach", z.object({ incidentId: z.uuid() }));
// One pending timer per incident: a new target (a severity change) replaces the one before.
export const ackBreachJobKey = (incidentId: string) => `${ackBreachJob.name}:${incidentId}`;
