import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { eventSubject } from "@/lib/timeline/events";
import { describeEvent } from "../timeline";
import { formatSpan, formatTimestamp } from "@/lib/format/time";
import { getObjectives } from "@/lib/incidents/objectives";
import { viaPhrase } from "@/lib/incidents/events";
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

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/**
 * Who acknowledged, how, when. Resolving (or mitigating) stamps acknowledgedAt on an incident nobody
 * acknowledged, to stop its clock; only a real acknowledgement names who and records an event.
 */
function response(incident: IncidentDetail, acknowledgement: { acknowledgedBy: string | null; acknowledgedVia: string | null }): string {
  const event = incident.timeline.find((candidate) => candidate.kind === "acknowledged");
  const by = text(acknowledgement.acknowledgedBy) || (event ? eventSubject(event) : "");
  if (!incident.acknowledgedAt || by === "") return incident.resolvedAt ? "not acknowledged before it was resolved" : "not acknowledged";
  const via = viaPhrase(text(acknowledgement.acknowledgedVia) || text(event?.data.via));
  return `acknowledged by ${by}${via ? ` ${via}` : ""} at ${formatTimestamp(incident.acknowledgedAt)}, ${spanBetween(incident.declaredAt, incident.acknowledgedAt)} after declaration`;
}

/** A resolver's text after a "- Label:" line: one line stays on it, several go on indented lines below. */
function listText(value: string | null): string {
  const lines = (value ?? "").replace(/\r\n?/g, "\n").trim().split("\n");
  return lines.length === 1 ? lines[0]! : `\n${lines.map((line) => `  ${line}`).join("\n")}`;
}

/** What a new post-mortem's template is filled with: the incident's own record. */
export async function postmortemValues(db: Db | Tx, incidentId: string): Promise<PostmortemValues> {
  // In sequence: `db` may be a transaction, whose one connection runs one query at a time.
  const incident = await getIncident(db, incidentId);
  const objectives = await getObjectives(db);
  const acknowledgement = await db.incident.findUnique({ where: { id: incidentId }, select: { acknowledgedBy: true, acknowledgedVia: true } });
  if (!incident || !acknowledgement) throw new DomainError("That incident does not exist.");
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
    response: response(incident, acknowledgement),
    resolution: resolvedAt ? `resolved at ${formatTimestamp(resolvedAt)}${incident.resolution?.trim() ? `: ${listText(incident.resolution)}` : ""}` : "not resolved",
    prevention: listText(incident.prevention),
    followUp: listText(incident.followUp),
    events: incident.timeline.filter(quoted).map(eventLine).join("\n"),
  };
}
