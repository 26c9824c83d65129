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
  const found = new Map<string, Recipient>();
  for (const target of targets) {
    const people =
      target.type === "contact"
        ? await tx.contact.findMany({ where: { id: target.contactId }, select: recipientSelect })
        : teamId === null
          ? []
          : (
              await tx.teamMember.findMany({
                // "All members" includes the lead: everyone on the team is paged.
                where: { teamId, ...(target.type === "team_lead" ? { role: "lead" as const } : {}) },
                select: { contact: { select: recipientSelect } },
                orderBy: [{ role: "asc" }, { createdAt: "asc" }],
              })
            ).map((member) => member.contact);
    for (const person of people) if (!found.has(person.id)) found.set(person.id, person);
  }
  return [...found.values()];
}
