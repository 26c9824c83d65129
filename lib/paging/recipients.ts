import type { Tx } from "@/lib/db/client";
import type { Channel } from "./transports/types";
import type { EscalationTarget } from "./policy";

export const recipientSelect = { id: true, name: true, email: true, phone: true, acceptsSms: true, acceptsEmail: true } as const;

export interface Recipient {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  acceptsSms: boolean;
  acceptsEmail: boolean;
}

/** Every channel a person accepts and has an address for; email when nothing else is left. */
export function channelsFor(recipient: Recipient): Channel[] {
  const channels: Channel[] = [];
  if (recipient.acceptsSms && recipient.phone) channels.push("sms");
  if (recipient.acceptsEmail || channels.length === 0) channels.push("email");
  return channels;
}

export function addressFor(recipient: Recipient, channel: Channel): string | null {
  return channel === "sms" ? recipient.phone : recipient.email;
}

/** The people a step's targets name, each once, in the order the targets list them. */
export async function resolveTargets(tx: Tx, teamId: string | null, targets: EscalationTarget[]): Promise<Recipient[]> {
  const contactIds = targets.flatMap((target) => (target.type === "contact" ? [target.contactId] : []));
  const wantsTeam = teamId !== null && targets.some((target) => target.type !== "contact");
  // Two queries whatever the size of the step: a step may name hundreds of people.
  const contacts = contactIds.length ? await tx.contact.findMany({ where: { id: { in: contactIds } }, select: recipientSelect }) : [];
  const members = wantsTeam
    ? await tx.teamMember.findMany({ where: { teamId: teamId! }, select: { role: true, contact: { select: recipientSelect } }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] })
    : [];
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const found = new Map<string, Recipient>();
  const add = (person: Recipient | undefined) => person && !found.has(person.id) && found.set(person.id, person);
  for (const target of targets) {
    if (target.type === "contact") add(byId.get(target.contactId));
    // "All members" includes the lead: everyone on the team is paged.
    else for (const member of members) if (target.type === "team_members" || member.role === "lead") add(member.contact);
  }
  return [...found.values()];
}
