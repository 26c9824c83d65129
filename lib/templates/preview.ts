import "server-only";
import type { Db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import type { PlaceholderValues } from "./placeholders";
import { formatNotificationTime, incidentPlaceholderValues } from "./values";

// What the settings page previews templates with. The acknowledge code and link belong to each
// page when it is sent, so the preview shows examples of them.

const exampleAckLink = () => `${publicUrl()}/ack/example-one-time-token`;

/** A real incident's values, or, before there is any incident, an example in the plan's words. */
export async function previewPlaceholderValues(db: Db, incident: { id: string; number: number } | null): Promise<PlaceholderValues> {
  if (incident) {
    return { ...(await incidentPlaceholderValues(db, incident.id)), ackCode: String(incident.number), ackLink: exampleAckLink() };
  }
  return {
    severity: "critical",
    timestamp: formatNotificationTime(new Date()),
    system: "Bridge Infrastructure",
    impact: "Withdrawals to mainnet are failing for every user.",
    actions: "Relayer restarted on the standby node.",
    status: "acknowledged",
    progress: "Standby relayer is in sync.",
    nextSteps: "Replay the stuck withdrawals.",
    eta: "30 minutes",
    resolution: "Rolled the relayer back to the previous release.",
    prevention: "Canary the relayer before every upgrade.",
    followup: "Post-mortem on Thursday.",
    reference: "INC-1",
    title: "Bridge withdrawals failing",
    link: `${publicUrl()}/incidents`,
    ackCode: "1",
    ackLink: exampleAckLink(),
  };
}
