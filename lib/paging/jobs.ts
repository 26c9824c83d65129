import { z } from "zod";
import { defineJob } from "@/lib/jobs/registry";

/**
 * Hands a set of pages to their providers at once (and retries each later on a provider's failure).
 * A job queued before sets were sent carries one `pageId`; it is read as a set of one.
 */
export const PAGES_PER_SEND_JOB = 25;
export const pageSendJob = defineJob(
  "paging-send",
  z.union([
    z.object({ pageIds: z.array(z.uuid()).min(1).max(PAGES_PER_SEND_JOB) }),
    z.object({ pageId: z.uuid() }).transform(({ pageId }) => ({ pageIds: [pageId] })),
  ]),
);

/** The send jobs for these pages: sets of up to PAGES_PER_SEND_JOB, so that a large fan-out is shared between workers' slots. */
export function pageSendSpecs(pageIds: string[]): { payload: { pageIds: string[] } }[] {
  const specs = [];
  for (let start = 0; start < pageIds.length; start += PAGES_PER_SEND_JOB) specs.push({ payload: { pageIds: pageIds.slice(start, start + PAGES_PER_SEND_JOB) } });
  return specs;
}
// graphile-worker runs lower numbers first: a page never waits behind housekeeping, and a retry
// (a provider that failed a page once) waits behind every page not yet tried.
export const PAGE_JOB_PRIORITY = -10;
export const PAGE_RETRY_PRIORITY = -5;

/** Fires an escalation's next step when it falls due. */
export const escalationStepJob = defineJob("paging-escalation-step", z.object({ escalationId: z.uuid() }));
// One pending timer per escalation: a new schedule replaces the one before.
export const escalationJobKey = (escalationId: string) => `${escalationStepJob.name}:${escalationId}`;

/** Starts an incident's paging after the transaction that opened it (an alert storm's incidents). */
export const pagingStartJob = defineJob("paging-start", z.object({ incidentId: z.uuid() }));

/** Daily: forgets provider callbacks old enough that the provider will not repeat them. */
export const pruneProviderEventsJob = defineJob("prune-provider-events", z.object({}));
