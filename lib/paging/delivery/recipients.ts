import type { Tx } from "@/lib/db/client";
import type { Channel } from "@/lib/paging/delivery/transports/types";
import type { EscalationTarget } from "@/lib/people/escalation-policy";

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

export interface TargetedStep {
  /** The chain's team, which "team_lead" and "team_members" refer to; null for the severity's audience. */
  teamId: string | null;
  targets: EscalationTarget[];
}

/** The people each step's targets name, each once per step, in the order the targets list them. */
export async function resolveTargets(tx: Tx, steps: TargetedStep[]): Promise<Recipient[][]> {
  const teamIds = [...new Set(steps.flatMap((step) => (step.teamId !== null && step.targets.some((target) => target.type !== "contact") ? [step.teamId] : [])))];
  // Two queries whatever the number of steps, teams and people: the firing chains of an incident are resolved together.
  const members = teamIds.length
    ? await tx.teamMember.findMany({ where: { teamId: { in: teamIds } }, select: { teamId: true, contactId: true, role: true }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] })
    : [];
  const contactIds = new Set(members.map((member) => member.contactId));
  for (const step of steps) for (const target of step.targets) if (target.type === "contact") contactIds.add(target.contactId);
  const contacts = contactIds.size ? await tx.contact.findMany({ where: { id: { in: [...contactIds] } }, select: recipientSelect }) : [];
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));

  return steps.map((step) => {
    const team = members.filter((member) => member.teamId === step.teamId);
    const found = new Map<string, Recipient>();
    const add = (person: Recipient | undefined) => person && !found.has(person.id) && found.set(person.id, person);
    for (const target of step.targets) {
      if (target.type === "contact") add(byId.get(target.contactId));
      // "All members" includes the lead: everyone on the team is paged.
      else for (const member of team) if (target.type === "team_members" || member.role === "lead") add(byId.get(member.contactId));
    }
    return [...found.values()];
  });
}
