// Server code, but without the "server-only" marker: the paging worker runs it in plain Node, where the marker throws.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { incidentReference } from "@/lib/timeline/incident";
import type { PlaceholderValues } from "./placeholders";

export type IncidentPlaceholderValues = Omit<PlaceholderValues, "ackCode" | "ackLink">;

export interface NotificationContext {
  progress?: string;
  nextSteps?: string;
  eta?: string;
  /** When the notification is sent; defaults to now. */
  at?: Date;
}

const NONE = "-";

// A status_update event's data, as lib/incidents/changes.ts writes it; anything else reads as empty.
const statusUpdateData = z.object({ progress: z.string().optional(), nextSteps: z.string().optional(), eta: z.string().optional() }).catch({});

/** The first text with something in it. */
function firstFilled(...candidates: (string | null | undefined)[]): string | undefined {
  return candidates.find((candidate): candidate is string => typeof candidate === "string" && candidate.trim() !== "")?.trim();
}

/** "2026-11-25 21:04 UTC": the same for every recipient, wherever they are. */
export function formatNotificationTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** What an incident's notifications say, except the acknowledge code and link, which belong to each page. */
export async function incidentPlaceholderValues(db: Db | Tx, incidentId: string, context: NotificationContext = {}): Promise<IncidentPlaceholderValues> {
  if (!z.uuid().safeParse(incidentId).success) throw new DomainError("That incident does not exist.");
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      impact: true,
      description: true,
      resolution: true,
      prevention: true,
      followUp: true,
      severity: { select: { key: true } },
      systems: { select: { system: { select: { name: true } } }, orderBy: { system: { name: "asc" } } },
      events: { where: { kind: "status_update" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { data: true } },
    },
  });
  if (!incident) throw new DomainError("That incident does not exist.");
  const latest = statusUpdateData.parse(incident.events[0]?.data ?? {});
  return {
    severity: incident.severity.key,
    timestamp: formatNotificationTime(context.at ?? new Date()),
    system: firstFilled(incident.systems.map((entry) => entry.system.name).join(", ")) ?? NONE,
    impact: firstFilled(incident.impact) ?? NONE,
    actions: firstFilled(latest.progress, incident.description) ?? "Responders are being paged.",
    status: incident.status,
    progress: firstFilled(context.progress, latest.progress) ?? NONE,
    nextSteps: firstFilled(context.nextSteps, latest.nextSteps) ?? NONE,
    eta: firstFilled(context.eta, latest.eta) ?? NONE,
    resolution: firstFilled(incident.resolution) ?? NONE,
    prevention: firstFilled(incident.prevention) ?? NONE,
    followup: firstFilled(incident.followUp) ?? NONE,
    reference: incidentReference(incident.number),
    title: incident.title,
    // The reference people paste in chat is the link too: /incidents/INC-42.
    link: `${publicUrl()}/incidents/${incidentReference(incident.number)}`,
  };
}
