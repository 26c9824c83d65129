import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { applyProviderStatus, type ProviderStatusEvent } from "@/lib/paging/provider-status";
import { accepted, badRequest, forbidden } from "./respond";
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, verifySendgridSignature } from "./sendgrid-signature";

const eventSchema = z.looseObject({
  event: z.string().min(1, "must name the event"),
  sg_event_id: z.string().min(1, "must be SendGrid's event id"),
  sg_message_id: z.string().optional(),
  timestamp: z.number().int("must be Unix seconds"),
  pageId: z.uuid("must be a page id").optional(),
  reason: z.string().optional(),
  response: z.string().optional(),
});

const eventsSchema = z.array(eventSchema).min(1, "must contain at least one event").max(10_000, "must contain at most 10000 events");

const statusMap: Record<string, ProviderStatusEvent["status"]> = { processed: "sent", delivered: "delivered", bounce: "failed", dropped: "failed" };

/** SendGrid's event webhook: signed when a verification key is configured; each event applied once. */
export async function receiveSendgridEvents(request: Request): Promise<Response> {
  const rawBody = await request.text();
  const publicKey = env().SENDGRID_WEBHOOK_PUBLIC_KEY;
  if (publicKey) {
    const valid = verifySendgridSignature({
      publicKey,
      rawBody,
      signature: request.headers.get(SENDGRID_SIGNATURE_HEADER),
      timestamp: request.headers.get(SENDGRID_TIMESTAMP_HEADER),
    });
    if (!valid) return forbidden("Invalid SendGrid event webhook signature");
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return Response.json({ error: "Invalid request", problems: ["body: must be a JSON array of events"] }, { status: 400 });
  }
  const parsed = eventsSchema.safeParse(json);
  if (!parsed.success) return badRequest(parsed.error);

  const outcomes: Record<string, number> = {};
  for (const event of parsed.data) {
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
  return accepted({ outcomes });
}
