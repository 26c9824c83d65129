// Server code, but without the "server-only" marker: the paging worker runs it in plain Node, where the marker throws.
import type { Db, Tx } from "@/lib/db/client";
import { incidentReference } from "@/lib/timeline/incident";
import { defaultTemplates } from "./defaults";
import { TEMPLATE_CHANNELS, TEMPLATE_KINDS, type TemplateChannel, type TemplateKind, type TemplateText } from "./kinds";

export interface LoadedTemplate extends TemplateText {
  /** False while the plan's default applies. */
  customised: boolean;
  updatedAt: Date | null;
}

export type TemplateSet = Record<TemplateKind, Record<TemplateChannel, LoadedTemplate>>;

/** Every template in force: the saved one where an admin changed it, else the plan's. */
export async function loadTemplates(db: Db | Tx): Promise<TemplateSet> {
  const rows = await db.notificationTemplate.findMany({ select: { kind: true, channel: true, subject: true, body: true, updatedAt: true } });
  const saved = new Map(rows.map((row) => [`${row.kind}.${row.channel}`, row]));
  const entry = (kind: TemplateKind, channel: TemplateChannel): LoadedTemplate => {
    const row = saved.get(`${kind}.${channel}`);
    if (!row) return { ...defaultTemplates[kind][channel], customised: false, updatedAt: null };
    return { subject: channel === "email" ? (row.subject ?? "") : null, body: row.body, customised: true, updatedAt: row.updatedAt };
  };
  return Object.fromEntries(
    TEMPLATE_KINDS.map((kind) => [kind, Object.fromEntries(TEMPLATE_CHANNELS.map((channel) => [channel, entry(kind, channel)]))]),
  ) as TemplateSet;
}

export const PREVIEW_INCIDENT_COUNT = 20;

/** The incidents a template can be previewed against: the most recent ones. */
export async function listPreviewIncidents(db: Db) {
  const rows = await db.incident.findMany({
    orderBy: [{ declaredAt: "desc" }, { number: "desc" }],
    take: PREVIEW_INCIDENT_COUNT,
    select: { id: true, number: true, title: true },
  });
  return rows.map((row) => ({ id: row.id, number: row.number, reference: incidentReference(row.number), title: row.title }));
}
