"use server";

import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { ackLinkTokenSchema } from "@/lib/paging/acknowledgement/link-input";
import { acknowledgeByLink, type LinkAckResult } from "@/lib/paging/acknowledgement/link-ack";
import { outboxReplySchema, replyFromOutbox } from "@/lib/paging/outbox/reply";

export const replyFromOutboxAction = defineAction({
  name: "paging.outbox-reply",
  role: "responder",
  input: outboxReplySchema,
  run: (input, { user }) => replyFromOutbox(db, input, user),
  message: (result) => (result.acknowledged ? `Acknowledged ${result.acknowledged}` : (result.reply ?? "No answer: that number is not a contact's.")),
});

/**
 * The button on the email's acknowledge link. Deliberately without a session: the person paged
 * may be on a phone that never signed in. The signed, unexpired, single-use token is the
 * authorization; acknowledgeByLink checks all three before anything changes.
 */
export async function acknowledgeByLinkAction(_previous: LinkAckResult | null, form: FormData): Promise<LinkAckResult> {
  const token = ackLinkTokenSchema.safeParse(form instanceof FormData ? form.get("token") : undefined);
  if (!token.success) return { ok: false, message: "This link is not valid." };
  try {
    return await acknowledgeByLink(db, token.data);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message };
    console.error("[action paging.acknowledge-by-link]", error);
    return { ok: false, message: "Something went wrong; nothing was acknowledged. Try again." };
  }
}
