import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { applyProviderStatus, type ProviderStatusEvent } from "@/lib/paging/delivery/provider-status";

const eventSchema = z.looseObject({
  event: z.string().min(1, "must name the event"),
  sg_event_id: z.string().min(1, "must be SendGrid's event id"),
  sg_message_id: z.string().optional(),
  timestamp: z.number().int("must be Unix seconds"),
  pageId: z.uuid("must be a page id").optional(),
  reason: z.string().optional(),
  response: z.string().optional(),
});

/** SendGrid's 768 KB batches hold about 2,000 events of the usual few hundred bytes; a batch is applied in one request. */
export const MAX_EVENTS = 3000;

export const sendgridEventsSchema = z.array(eventSchema).min(1, "must contain at least one event").max(MAX_EVENTS, `must contain at most ${MAX_EVENTS} events`);

const statusMap: Record<string, ProviderStatusEvent["status"]> = { processed: "sent", delivered: "delivered", bounce: "failed", dropped: "failed" };

/** Applies SendGrid's events to their pages, each event once; returns how many had each outcome. */
export async function applySendgridEvents(db: Db, events: z.output<typeof sendgridEventsSchema>): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  for (const event of events) {
    const status = statusMap[event.event];
    if (!status) continue;
    const outcome = await applyProviderStatus(db, {
      provider: "sendgrid",
      eventKey: event.sg_event_id,
      pageId: event.pageId,
      // SendGrid's message id is the X-Message-Id of the send plus a suffix per recipient.
      providerId: event.sg_message_id?.split(".")[0] ?? null,
      status,
      reason: status === "failed" ? `SendGrid ${event.event}: ${event.reason ?? event.response ?? "no reason given"}` : null,
      at: new Date(event.timestamp * 1000),
    });
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return outcomes;
}
