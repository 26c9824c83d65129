import type { Db } from "@/lib/db/client";
import { incidentReference } from "@/lib/timeline/incident";
import { acknowledgeAsContact, confirmationText } from "./acknowledge";
import { verifyPageLink } from "./link-token";

export type LinkState =
  | { state: "invalid" }
  | { state: "expired"; expiresAt: Date }
  | { state: "used"; usedAt: Date; reference: string; title: string }
  | { state: "ready"; reference: string; title: string; severity: string; incidentStatus: string; recipientName: string; expiresAt: Date };

/** What the acknowledge link's page shows before anyone presses the button (a GET changes nothing). */
export async function describePageLink(db: Db, token: string, now = new Date()): Promise<LinkState> {
  const check = verifyPageLink(token, now);
  if (!check.ok) return check.reason === "expired" ? { state: "expired", expiresAt: check.expiresAt! } : { state: "invalid" };
  const page = await db.page.findUnique({
    where: { id: check.pageId },
    select: {
      linkUsedAt: true,
      recipientName: true,
      contactId: true,
      incident: { select: { number: true, title: true, status: true, severity: { select: { key: true } } } },
    },
  });
  if (!page || !page.contactId) return { state: "invalid" };
  const reference = incidentReference(page.incident.number);
  if (page.linkUsedAt) return { state: "used", usedAt: page.linkUsedAt, reference, title: page.incident.title };
  return {
    state: "ready",
    reference,
    title: page.incident.title,
    severity: page.incident.severity.key,
    incidentStatus: page.incident.status,
    recipientName: page.recipientName,
    expiresAt: check.expiresAt,
  };
}

export type LinkAckResult = { ok: true; message: string } | { ok: false; message: string };

/** Acknowledges through the email link: valid, unexpired and unused, or nothing happens. */
export async function acknowledgeByLink(db: Db, token: string, now = new Date()): Promise<LinkAckResult> {
  const check = verifyPageLink(token, now);
  if (!check.ok) return { ok: false, message: check.reason === "expired" ? "This link has expired." : "This link is not valid." };
  return db.$transaction(async (tx) => {
    // Single use: only the first request flips linkUsedAt; a second one finds it set.
    const claimed = await tx.page.updateMany({ where: { id: check.pageId, linkUsedAt: null, contactId: { not: null } }, data: { linkUsedAt: now } });
    if (claimed.count === 0) return { ok: false, message: "This link was already used." };
    const page = await tx.page.findUniqueOrThrow({
      where: { id: check.pageId },
      select: { incidentId: true, contact: { select: { id: true, name: true, email: true } } },
    });
    const ack = await acknowledgeAsContact(tx, { incidentId: page.incidentId, contact: page.contact!, via: "email", now });
    return { ok: true, message: confirmationText(ack) };
  });
}
