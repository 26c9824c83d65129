import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { OPEN_STATUSES } from "@/lib/incidents/rules";
import { incidentReference } from "@/lib/timeline/incident";
import { acknowledgeAsContact, confirmationText, type PageAcknowledgement } from "./acknowledge";
import { createDirectPage } from "@/lib/paging/delivery/pages";

export interface InboundSms {
  from: string;
  body: string;
  /** The provider's id of the reply: answering it twice sends one confirmation. */
  messageId: string;
}

/** What to answer at once, without a page (nothing to acknowledge, or which one?). */
export interface InboundSmsResult {
  /** The references acknowledged, "INC-45, INC-44" after ACK ALL; null when nothing was. */
  acknowledged: string | null;
  reply: string | null;
}

export interface AckReply {
  code: string | null;
  all?: true;
}

const ACK_PATTERN = /^\s*ack(?:\s+(?:(all)|(?:inc[-\s]?|#)?(\d{1,9})))?\s*[.!]*\s*$/i;

/** "ACK", "ACK ALL", "ACK 42" or "ACK INC-42", in any case; null for anything else. */
export function parseAckReply(body: string): AckReply | null {
  const match = ACK_PATTERN.exec(body);
  if (!match) return null;
  if (match[1]) return { code: null, all: true };
  return { code: match[2] ? String(Number(match[2])) : null };
}

const HELP = "Firebreak: reply ACK to acknowledge your page, ACK <code> to pick one, or ACK ALL for all of them.";
/** Past five, a list stops helping a phone screen; the count says the rest. */
const LISTED = 5;
/** Characters of one GSM SMS, and of each part once a message is split (the rest carries the joining header). */
const SMS_SEGMENT = 160;
const SMS_PART = 153;
/** Below this a title no longer tells incidents apart: the reply takes a second segment instead. */
const MIN_TITLE = 12;

type Sender = { id: string; name: string; email: string };
type Waiting = { id: string; number: number; title: string; contact: Sender };

/**
 * An SMS reply: "ACK" acknowledges the one incident still waiting on the sender (paged for it,
 * unacknowledged by anyone); with several it lists them, and "ACK <code>" or "ACK ALL" picks.
 * Confirmations go out as an SMS page, once per reply however often the provider delivers it.
 */
export async function handleInboundSms(db: Db, sms: InboundSms, now = new Date()): Promise<InboundSmsResult> {
  const parsed = parseAckReply(sms.body);
  if (!parsed) return { acknowledged: null, reply: HELP };

  const contacts = await db.contact.findMany({ where: { phone: sms.from }, select: { id: true, name: true, email: true } });
  // An unknown number learns nothing about incidents.
  if (contacts.length === 0) return { acknowledged: null, reply: null };
  // A retried delivery of a reply already confirmed: without this, a retried ACK would be told "nothing is waiting".
  // createDirectPage keys a confirmation "confirmation:<dedupeKey>".
  if (await db.page.count({ where: { dedupeKey: `confirmation:${sms.messageId}` } })) return { acknowledged: null, reply: null };

  const paged = pagedFilter(contacts.map((contact) => contact.id));
  if (parsed.code !== null) return acknowledgeCode(db, sms, Number(parsed.code), contacts, paged, now);

  const waiting = await waitingOn(db, contacts, paged);
  if (waiting.length === 0) return { acknowledged: null, reply: await nothingWaiting(db, paged) };
  if (parsed.all) return acknowledgeAll(db, sms, waiting, now);
  if (waiting.length > 1) return { acknowledged: null, reply: waitingText(waiting) };
  return acknowledgeOne(db, sms, waiting[0]!, now);
}

/** The sender's incident pages that went, or will go, out: a cancelled one never reached them. */
function pagedFilter(contactIds: string[]): Prisma.PageWhereInput {
  return { contactId: { in: contactIds }, kind: "incident", status: { not: "cancelled" } };
}

/** Open incidents nobody has acknowledged, that page the sender and they have not answered; newest first. */
async function waitingOn(db: Db, contacts: Sender[], paged: Prisma.PageWhereInput): Promise<Waiting[]> {
  const unanswered = { ...paged, acknowledgedAt: null };
  const incidents = await db.incident.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, acknowledgedAt: null, pages: { some: unanswered } },
    select: { id: true, number: true, title: true, pages: { where: unanswered, select: { contactId: true }, take: 1 } },
    orderBy: [{ declaredAt: "desc" }, { number: "desc" }],
  });
  return incidents.map(({ pages, ...incident }) => ({ ...incident, contact: contacts.find((contact) => contact.id === pages[0]!.contactId)! }));
}

/** Acknowledges one incident and queues its confirmation, in one transaction. */
function acknowledgeOne(db: Db, sms: InboundSms, incident: Waiting, now: Date): Promise<InboundSmsResult> {
  return db.$transaction(async (tx) => {
    const ack = await acknowledgeAsContact(tx, { incidentId: incident.id, contact: incident.contact, via: "sms", now });
    await createDirectPage(tx, {
      kind: "confirmation",
      incidentId: incident.id,
      contact: incident.contact,
      channel: "sms",
      recipient: sms.from,
      body: confirmationText(ack),
      dedupeKey: sms.messageId,
      at: now,
    });
    return { acknowledged: ack.reference, reply: null };
  });
}

/**
 * ACK ALL: every waiting incident in one transaction, so a failure leaves none half-acknowledged,
 * and one confirmation (filed under the newest incident) that names them all.
 */
function acknowledgeAll(db: Db, sms: InboundSms, waiting: Waiting[], now: Date): Promise<InboundSmsResult> {
  return db.$transaction(async (tx) => {
    const acks = new Map<string, PageAcknowledgement>();
    // Locked in ascending number, so two people acknowledging overlapping sets at once cannot deadlock.
    for (const incident of [...waiting].sort((a, b) => a.number - b.number)) {
      acks.set(incident.id, await acknowledgeAsContact(tx, { incidentId: incident.id, contact: incident.contact, via: "sms", now }));
    }
    const newestFirst = waiting.map((incident) => acks.get(incident.id)!);
    const newest = waiting[0]!;
    await createDirectPage(tx, {
      kind: "confirmation",
      incidentId: newest.id,
      contact: newest.contact,
      channel: "sms",
      recipient: sms.from,
      body: confirmAllText(newestFirst),
      dedupeKey: sms.messageId,
      at: now,
    });
    return { acknowledged: newestFirst.map((ack) => ack.reference).join(", "), reply: null };
  });
}

/**
 * ACK <code>: the sender's own acknowledgement of an open incident they were paged for, even when
 * someone acknowledged it first (the confirmation says who).
 */
async function acknowledgeCode(db: Db, sms: InboundSms, number: number, contacts: Sender[], paged: Prisma.PageWhereInput, now: Date): Promise<InboundSmsResult> {
  const reference = incidentReference(number);
  const incident = await db.incident.findFirst({
    where: { number, status: { in: [...OPEN_STATUSES] }, pages: { some: paged } },
    select: { id: true, number: true, title: true, pages: { where: paged, select: { contactId: true, acknowledgedAt: true } } },
  });
  if (!incident) return { acknowledged: null, reply: `Firebreak: ${reference} is not an open incident you were paged for. Nothing changed.` };
  const unanswered = incident.pages.find((page) => page.acknowledgedAt === null);
  if (!unanswered) return { acknowledged: null, reply: `Firebreak: you already acknowledged ${reference}.` };
  const contact = contacts.find((candidate) => candidate.id === unanswered.contactId)!;
  return acknowledgeOne(db, sms, { id: incident.id, number: incident.number, title: incident.title, contact }, now);
}

/** No incident waits; say which ones the sender was paged for were taken by someone else. */
async function nothingWaiting(db: Db, paged: Prisma.PageWhereInput): Promise<string> {
  const taken = await db.incident.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, acknowledgedAt: { not: null }, pages: { some: { ...paged, acknowledgedAt: null } } },
    select: { number: true, acknowledgedBy: true },
    orderBy: [{ declaredAt: "desc" }, { number: "desc" }],
  });
  const by = (incident: (typeof taken)[number]) => (incident.acknowledgedBy ? ` by ${incident.acknowledgedBy}` : "");
  if (taken.length === 0) return "Firebreak: nothing is waiting for you.";
  if (taken.length === 1) return `Firebreak: nothing is waiting for you; ${incidentReference(taken[0]!.number)} was already acknowledged${by(taken[0]!)}.`;
  const shown = taken.slice(0, 3).map((incident) => `${incidentReference(incident.number)}${by(incident)}`);
  const more = taken.length > shown.length ? ` and ${taken.length - shown.length} more` : "";
  return `Firebreak: nothing is waiting for you; already acknowledged: ${shown.join(", ")}${more}.`;
}

/**
 * The list to pick from: the newest five, their titles cut so the reply fits one SMS where it can,
 * and two where even the shortest useful titles would not fit one.
 */
export function waitingText(waiting: { number: number; title: string }[]): string {
  const shown = waiting.slice(0, LISTED);
  const more = waiting.length - shown.length;
  const head = `Firebreak: ${waiting.length} incidents wait for you: `;
  const tail = `${more > 0 ? ` and ${more} more` : ""}. Reply ACK <number> for one, or ACK ALL for all.`;
  const codes = shown.map((incident) => incidentReference(incident.number));
  // Each entry is "<code> <title>", the entries joined by ", ".
  const fixed = head.length + tail.length + codes.reduce((sum, code) => sum + code.length + 1, 0) + 2 * (shown.length - 1);
  const room = fixed + MIN_TITLE * shown.length <= SMS_SEGMENT ? SMS_SEGMENT - fixed : 2 * SMS_PART - fixed;
  const lengths = fairShares(shown.map((incident) => incident.title.length), room);
  return head + shown.map((incident, index) => `${codes[index]} ${shorten(incident.title, lengths[index]!)}`).join(", ") + tail;
}

/** Short titles keep their length and leave what they do not use to the longer ones; none goes under MIN_TITLE. */
function fairShares(lengths: number[], room: number): number[] {
  const shares = [...lengths];
  let left = room;
  const shortestFirst = lengths.map((_, index) => index).sort((a, b) => lengths[a]! - lengths[b]!);
  shortestFirst.forEach((index, done) => {
    const share = Math.max(MIN_TITLE, Math.floor(left / (shortestFirst.length - done)));
    shares[index] = Math.min(lengths[index]!, share);
    left -= shares[index];
  });
  return shares;
}

/**
 * Cut at a word where one is near. No "…": it is not in the GSM alphabet, and one such character
 * makes the whole SMS UCS-2, with 70 characters a segment instead of 160.
 */
function shorten(title: string, max: number): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:-]+$/, "");
}

/** One confirmation for ACK ALL: what it acknowledged, then any that someone had taken meanwhile. */
function confirmAllText(acks: PageAcknowledgement[]): string {
  if (acks.length === 1) return confirmationText(acks[0]!);
  const first = acks.filter((ack) => ack.first).map((ack) => ack.reference);
  const parts = first.length > 0 ? [`Acknowledged ${first.join(", ")}. Escalation stopped. Thank you.`] : [];
  for (const ack of acks.filter((candidate) => !candidate.first)) parts.push(confirmationText(ack));
  return parts.join(" ");
}
