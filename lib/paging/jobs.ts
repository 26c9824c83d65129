import { z } from "zod";
import { defineJob } from "@/lib/jobs/registry";

/** Hands one page to its provider (and retries it later on a provider's failure). */
export const pageSendJob = defineJob("paging-send", z.object({ pageId: z.uuid() }));
// graphile-worker runs lower numbers first: a page never waits behind housekeeping.
export const PAGE_JOB_PRIORITY = -10;

/** Fires an escalation's next step when it falls due. */
export const escalationStepJob = defineJob("paging-escalation-step", z.object({ escalationId: z.uuid() }));
// One pending timer per escalation: a new schedule replaces the one before.
export const escalationJobKey = (escalationId: string) => `${escalationStepJob.name}:${escalationId}`;

/** Starts an incident's paging after the transaction that opened it (an alert storm's incidents). */
export const pagingStartJob = defineJob("paging-start", z.object({ incidentId: z.uuid() }));
