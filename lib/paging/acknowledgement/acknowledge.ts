import type { Tx } from "@/lib/db/client";
import { acknowledgeLocked, type AckVia } from "@/lib/incidents/lifecycle";
import { publishChange } from "@/lib/live/publish";
import { systemActor } from "@/lib/timeline/actor";
import { incidentReference, lockIncident } from "@/lib/timeline/incident";
import { pagingListener } from "@/lib/paging/incident-listener";

export interface PageAcknowledgement {
  reference: string;
  title: string;
  /** True when this acknowledged the incident; false when someone had already. */
  first: boolean;
  acknowledgedBy: string | null;
}

/**
 * A paged contact says "I've got it": their pages on the incident are marked, and if the incident
 * is still unacknowledged this acknowledges it and stops the escalation.
 */
export async function acknowledgeAsContact(
  tx: Tx,
  input: { incidentId: string; contact: { id: string; name: string; email: string }; via: Exclude<AckVia, "app">; now: Date },
): Promise<PageAcknowledgement> {
  const incident = await lockIncident(tx, input.incidentId);
  await tx.page.updateMany({
    where: { incidentId: incident.id, contactId: input.contact.id, kind: "incident", acknowledgedAt: null },
    data: { acknowledgedAt: input.now, acknowledgedVia: input.via },
  });
  const first = incident.status === "declared";
  if (first) {
    // Paging is the only part of Firebreak that listens to acknowledgements (lib/command/listeners.ts).
    const acknowledgement = { actor: systemActor(input.contact.email), by: input.contact.name, via: input.via };
    await acknowledgeLocked([pagingListener], tx, incident, acknowledgement, input.now);
  } else {
    await publishChange(tx, { topic: "incident", id: incident.id });
  }
  return {
    reference: incidentReference(incident.number),
    title: incident.title,
    first,
    acknowledgedBy: first ? input.contact.name : incident.acknowledgedBy,
  };
}

/** The sentence that confirms an acknowledgement, by SMS or on the link's page. */
export function confirmationText(ack: PageAcknowledgement): string {
  if (ack.first) return `Acknowledged ${ack.reference}: ${ack.title}. Escalation stopped. Thank you.`;
  return `${ack.reference} was already acknowledged${ack.acknowledgedBy ? ` by ${ack.acknowledgedBy}` : ""}. Your acknowledgement is recorded.`;
}

