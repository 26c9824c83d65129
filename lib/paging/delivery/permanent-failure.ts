import type { Tx } from "@/lib/db/client";
import { createPages } from "./pages";
import { recipientSelect } from "./recipients";
import { advances } from "./status-rank";

/**
 * A page the provider refused or could not deliver for good: the reason is kept, and the same
 * notification goes to the person's other channel (unless they already have it there).
 */
export async function recordPermanentFailure(tx: Tx, pageId: string, reason: string, now: Date): Promise<void> {
  const page = await tx.page.findUniqueOrThrow({
    where: { id: pageId },
    select: {
      status: true, kind: true, channel: true, dedupeKey: true, escalationId: true, step: true, round: true,
      incident: { select: { id: true, number: true, acknowledgedAt: true } },
      contact: { select: recipientSelect },
    },
  });
  if (!advances(page.status, "failed") && page.status !== "delivered") return;
  await tx.page.update({ where: { id: pageId }, data: { status: "failed", error: reason, failedAt: now } });

  // Only the plan's notifications fall back; a confirmation, an approval request or a post-mortem does not.
  if (page.kind === "confirmation" || page.kind === "approval" || page.kind === "postmortem" || !page.contact) return;
  if (page.kind === "incident" && page.incident.acknowledgedAt) return;
  const other = page.channel === "sms" ? "email" : "sms";
  // The dedupe key is kind:incident:scope:contact:channel; the fallback shares the scope.
  const scope = page.dedupeKey.split(":")[2]!;
  await createPages(tx, {
    incident: page.incident,
    kind: page.kind,
    recipients: [page.contact],
    channels: [other],
    escalation: page.escalationId && page.step !== null && page.round !== null ? { id: page.escalationId, step: page.step, round: page.round } : undefined,
    scope,
    fallbackForId: pageId,
    at: now,
  });
}
