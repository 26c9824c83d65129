import { escapeMarkdown } from "@/lib/format/markdown-escape";
import { systemActor } from "@/lib/timeline/actor";
import type { Tx } from "@/lib/db/client";
import { declareIncidentIn } from "@/lib/command/lifecycle";
import { severityKeyFor, systemsFor, type AlertMapping } from "./mapping";
import type { WebhookAlert } from "./payload";

export const ALERTMANAGER = "Alertmanager";

/** An alert with its identity: Alertmanager's fingerprint and the start of this firing, to the millisecond the database keeps. */
export interface KeyedAlert {
  alert: WebhookAlert;
  fingerprint: string;
  startsAt: Date;
  alertName: string;
}

/** What opening incidents needs, read once per request: the mapping and the catalogue it maps into. */
export interface OpeningContext {
  mapping: AlertMapping;
  severities: { id: string; key: string; rank: number }[];
  systems: { id: string; key: string; name: string }[];
}

export async function loadOpeningContext(tx: Tx, mapping: AlertMapping): Promise<OpeningContext> {
  // One after the other: a transaction has one connection.
  const severities = await tx.severityLevel.findMany({ select: { id: true, key: true, rank: true }, orderBy: { rank: "asc" } });
  const systems = await tx.system.findMany({ select: { id: true, key: true, name: true }, orderBy: { key: "asc" } });
  return { mapping, severities, systems };
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The mapped severity; an unknown key (a severity removed since the mapping was saved) falls back to the default, then to the most severe. */
function severityFor(context: OpeningContext, labels: Record<string, string>): string {
  const wanted = severityKeyFor(context.mapping, labels);
  const severity =
    context.severities.find((level) => level.key === wanted) ??
    context.severities.find((level) => level.key === context.mapping.defaultSeverity) ??
    context.severities[0];
  if (!severity) throw new Error("No severity levels are configured: an alert cannot open an incident");
  return severity.id;
}

/** The incident's description, in Markdown: everything the alert brings is escaped, shown as sent. */
function describe({ alert, alertName }: KeyedAlert): string {
  const lines = [`Opened by ${ALERTMANAGER}: **${escapeMarkdown(alertName)}** firing since ${escapeMarkdown(alert.startsAt)}.`, ""];
  lines.push(...Object.entries(alert.labels).map(([name, value]) => `- ${escapeMarkdown(name)}: ${escapeMarkdown(value)}`));
  if (alert.annotations.runbook_url) lines.push("", `Runbook: ${escapeMarkdown(alert.annotations.runbook_url)}`);
  if (alert.generatorURL) lines.push("", `Source: ${escapeMarkdown(alert.generatorURL)}`);
  return clip(lines.join("\n"), 10_000);
}

/** Declares the incident for a new firing alert, as Firebreak on Alertmanager's behalf; returns its AlertIncident row. */
export async function openAlertIncident(tx: Tx, keyed: KeyedAlert, context: OpeningContext, now: Date) {
  const { alert, alertName } = keyed;
  const summary = alert.annotations.summary?.trim();
  const incident = await declareIncidentIn(
    tx,
    {
      title: clip(summary || alertName, 200),
      severityId: severityFor(context, alert.labels),
      systemIds: systemsFor(context.mapping, alert.labels, context.systems).map((system) => system.id),
      impact: clip(alert.annotations.description?.trim() || summary || `${alertName} is firing`, 2000),
      description: describe(keyed),
    },
    systemActor(ALERTMANAGER),
    now,
    // A storm opens incidents by the hundred: their fan-out runs in the worker, not in this request.
    { paging: "queued" },
  );
  return {
    fingerprint: keyed.fingerprint,
    startsAt: keyed.startsAt,
    incidentId: incident.id,
    alertName,
    status: "firing",
    labels: alert.labels,
    lastReceivedAt: now,
    createdAt: now,
  };
}
