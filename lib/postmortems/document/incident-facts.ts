import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { eventSubject } from "@/lib/timeline/events";
import { describeEvent } from "../timeline";
import { formatSpan, formatTimestamp } from "@/lib/format/time";
import { getObjectives } from "@/lib/incidents/objectives";
import { getIncident, type IncidentDetail } from "@/lib/incidents/queries";
import { type TimelineEvent } from "@/lib/timeline/events";
import type { PostmortemValues } from "@/lib/postmortems/template/template";

// Runbook steps are detail: the run's own page keeps them, its finish is on the timeline.
const quoted = (event: TimelineEvent) => event.kind !== "runbook_step";

const spanBetween = (from: string, to: string) => formatSpan((Date.parse(to) - Date.parse(from)) / 1000);

function eventLine(event: TimelineEvent): string {
  const detail = event.kind === "status_update" ? `: ${String(event.data.progress ?? "")}` : event.kind === "note" ? `: ${event.body}` : "";
  return `- ${formatTimestamp(event.at)} — ${eventSubject(event)} ${describeEvent(event)}${detail.replace(/\s+/g, " ")}`;
}

function response(incident: IncidentDetail): string {
  if (!incident.acknowledgedAt) return "not acknowledged";
  const acknowledged = incident.timeline.find((event) => event.kind === "acknowledged");
  const who = acknowledged ? ` by ${eventSubject(acknowledged)}` : "";
  return `acknowledged${who} at ${formatTimestamp(incident.acknowledgedAt)}, ${spanBetween(incident.declaredAt, incident.acknowledgedAt)} after declaration`;
}

/** What a new post-mortem's template is filled with: the incident's own record. */
export async function postmortemValues(db: Db | Tx, incidentId: string): Promise<PostmortemValues> {
  // In sequence: `db` may be a transaction, whose one connection runs one query at a time.
  const incident = await getIncident(db, incidentId);
  const objectives = await getObjectives(db);
  if (!incident) throw new DomainError("That incident does not exist.");
  const resolvedAt = incident.resolvedAt;
  return {
    reference: incident.reference,
    title: incident.title,
    severity: incident.severity,
    systems: incident.systems.join(", "),
    commander: incident.commander ?? "nobody",
    declaredAt: formatTimestamp(incident.declaredAt),
    duration: resolvedAt ? spanBetween(incident.declaredAt, resolvedAt) : "still open",
    impact: incident.impact,
    dataLoss:
      incident.dataLossSeconds === null
        ? "not recorded"
        : `${formatSpan(incident.dataLossSeconds)} (RPO ${formatSpan(objectives.rpoSeconds)}${incident.dataLossSeconds > objectives.rpoSeconds ? ", exceeded" : ""})`,
    detection: `declared${incident.declaredBy ? ` by ${incident.declaredBy}` : ""} at ${formatTimestamp(incident.declaredAt)}`,
    response: response(incident),
    resolution: resolvedAt ? `resolved at ${formatTimestamp(resolvedAt)}${incident.resolution ? `: ${incident.resolution}` : ""}` : "not resolved",
    prevention: incident.prevention ?? "",
    followUp: incident.followUp ?? "",
    events: incident.timeline.filter(quoted).map(eventLine).join("\n"),
  };
}
