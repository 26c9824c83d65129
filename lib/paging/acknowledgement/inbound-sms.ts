import type { Db } from "@/lib/db/client";
import { OPEN_STATUSES } from "@/lib/incidents/rules";
import { acknowledgeAsContact, confirmationText } from "./acknowledge";
import { createDirectPage } from "@/lib/paging/delivery/pages";

export interface InboundSms {
  from: string;
  body: string;
  /** The provider's id of the reply: answering it twice sends one confirmation. */
  messageId: string;
}

/** What to answer at once, without a page (nothing to acknowledge, or which one?). */
export interface InboundSmsResult {
  acknowledged: string | null;
  reply: string | null;
}

const ACK_PATTERN = /^\s*ack(?:\s+(?:inc-)?([a-z0-9-]{1,12}))?\s*[.!]?\s*$/i;

export function parseAckReply(body: string): { code: string | null } | null {
  const match = ACK_PATTERN.exec(body);
  return match ? { code: match[1]?.toUpperCase() ?? null } : null;
}

/**
 * An SMS reply: "ACK" acknowledges the one incident the sender was paged for and has not
 * acknowledged; "ACK <code>" picks one when there are several. The confirmation is an SMS page.
 */
export async function handleInboundSms(db: Db, sms: InboundSms, now = new Date()): Promise<InboundSmsResult> {
  const parsed = parseAckReply(sms.body);
  if (!parsed) return { acknowledged: null, reply: "Firebreak: reply ACK to acknowledge your page, or ACK <code> when you have several." };

  const contacts = await db.contact.findMany({ where: { phone: sms.from }, select: { id: true, name: true, email: true } });
  // An unknown number learns nothing about incidents.
  if (contacts.length === 0) return { acknowledged: null, reply: null };

  const open = await db.page.findMany({
    where: {
      contactId: { in: contacts.map((contact) => contact.id) },
      kind: "incident",
      acknowledgedAt: null,
      status: { not: "cancelled" },
      incident: { status: { in: [...OPEN_STATUSES] } },
    },
    select: { contactId: true, incident: { select: { id: true, number: true } } },
    distinct: ["incidentId"],
    orderBy: { queuedAt: "desc" },
  });
  const chosen = parsed.code === null ? open : open.filter((page) => String(page.incident.number) === parsed.code);
  if (chosen.length === 0) {
    return { acknowledged: null, reply: parsed.code ? `Firebreak: no open page of yours has the code ${parsed.code}.` : "Firebreak: you have no open pages to acknowledge." };
  }
  if (chosen.length > 1) {
    const codes = chosen.map((page) => `ACK ${page.incident.number}`).join(", ");
    return { acknowledged: null, reply: `Firebreak: you have ${chosen.length} open pages. Reply with one of: ${codes}.` };
  }

  const target = chosen[0]!;
  const contact = contacts.find((candidate) => candidate.id === target.contactId)!;
  return db.$transaction(async (tx) => {
    const ack = await acknowledgeAsContact(tx, { incidentId: target.incident.id, contact, via: "sms", now });
    await createDirectPage(tx, {
      kind: "confirmation",
      incidentId: target.incident.id,
      contact,
      channel: "sms",
      recipient: sms.from,
      body: confirmationText(ack),
      dedupeKey: sms.messageId,
      at: now,
    });
    return { acknowledged: ack.reference, reply: null };
  });
}
