import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { handleInboundSms, type InboundSmsResult } from "@/lib/paging/acknowledgement/inbound-sms";
import { providerFor } from "@/lib/paging/delivery/transports/index";
import { OUTBOX_PROVIDER_PREFIX } from "./transport";

// The dev outbox: without provider settings, pages stay in the app, and someone exercises the
// SMS reply by hand here, as the contact's phone would.

export const outboxReplySchema = z.object({
  pageId: z.uuid("Page must be a page id"),
  body: z
    .string("Reply is required")
    .trim()
    .min(1, "Reply needs at least 1 character")
    .max(160, "Reply must be at most 160 characters (one SMS)"),
});

export type OutboxReply = z.infer<typeof outboxReplySchema>;

/**
 * Replies to an SMS page in the outbox as if from the paged phone: the same path as a reply
 * through Twilio, so the confirmation SMS appears in the outbox in turn.
 */
export async function replyFromOutbox(db: Db, input: OutboxReply, actor: Actor | SystemActor, now = new Date()): Promise<InboundSmsResult> {
  if (providerFor("sms") !== "outbox") throw new DomainError("Twilio is configured; replies come from real phones.");
  const page = await db.page.findUnique({ where: { id: input.pageId }, select: { incidentId: true, channel: true, recipient: true, providerId: true } });
  if (!page?.providerId?.startsWith(OUTBOX_PROVIDER_PREFIX)) throw new DomainError("That message is not in the dev outbox.");
  if (page.channel !== "sms") throw new DomainError("Only an SMS can be replied to; an email is acknowledged through its link.");

  const messageId = `outbox-reply-${randomUUID()}`;
  const result = await handleInboundSms(db, { from: page.recipient, body: input.body, messageId }, now);
  // The acknowledgement names the contact; this says which user stood in for their phone.
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: "paging.outbox_reply",
      targetType: "incident",
      targetId: page.incidentId,
      data: { pageId: input.pageId, from: page.recipient, body: input.body, acknowledged: result.acknowledged },
    }),
  );
  return result;
}
