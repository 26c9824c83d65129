import { z } from "zod";
import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db, Tx } from "@/lib/db/client";
import type { FieldErrors } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";

// How an Alertmanager alert's labels become an incident's severity and systems: the Setting
// "alerts.mapping", read with these defaults when it is missing or no longer valid.

const ALERT_MAPPING_KEY = "alerts.mapping";

export const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const labelName = (field: string) => z.string(`${field} is required`).regex(LABEL_NAME, `${field} must be a Prometheus label name (letters, digits and _)`);
const severityKey = (field: string) => z.string(`${field} is required`).min(1, `${field} is required`).max(50, `${field} must be at most 50 characters`);

export const DEFAULT_SEVERITY_MAP: Record<string, string> = { critical: "critical", high: "high", warning: "medium", info: "low", page: "critical" };

export const alertMappingSchema = z.object({
  /** The label whose value picks the severity. */
  severityLabel: labelName("Severity label").default("severity"),
  /** Label value (compared without case) → severity key. */
  severityMap: z.record(z.string().min(1, "A label value is required"), severityKey("Severity")).default(DEFAULT_SEVERITY_MAP),
  /** For a value the map does not know, or no such label. */
  defaultSeverity: severityKey("Default severity").default("high"),
  /** Labels whose values name systems (by key or name, without case), all of them checked. */
  systemLabels: z.array(labelName("System label")).max(10, "Use at most 10 system labels").default(["system", "service", "job"]),
  /** A system's key for alerts whose labels name none; null leaves such incidents without a system. */
  defaultSystem: z.string().min(1).nullable().default(null),
  /** Whether a resolved alert resolves its incident, or only notes it on the timeline. */
  resolveIncidents: z.boolean("Resolve incidents must be true or false").default(false),
});

export type AlertMapping = z.output<typeof alertMappingSchema>;

export const DEFAULT_ALERT_MAPPING: AlertMapping = alertMappingSchema.parse({});

export async function getAlertMapping(db: Db | Tx): Promise<AlertMapping> {
  const setting = await db.setting.findUnique({ where: { key: ALERT_MAPPING_KEY }, select: { value: true } });
  const parsed = alertMappingSchema.safeParse(setting?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_ALERT_MAPPING;
}

export async function setAlertMapping(db: Db, mapping: AlertMapping, actor: Actor | SystemActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const value = { ...mapping };
    await tx.setting.upsert({ where: { key: ALERT_MAPPING_KEY }, create: { key: ALERT_MAPPING_KEY, value }, update: { value } });
    await recordAudit(tx, { actor, action: "settings.alert_mapping_changed", targetType: "setting", targetId: ALERT_MAPPING_KEY, data: value });
    await publishChange(tx, { topic: "settings" });
  });
}

/** What a mapping names that the catalogue lacks, by field: checked on saving, so that alerts never meet a name that means nothing. */
export async function mappingCatalogueErrors(db: Db, mapping: AlertMapping): Promise<FieldErrors> {
  const severities = await db.severityLevel.findMany({ select: { key: true }, orderBy: { rank: "asc" } });
  const system = mapping.defaultSystem ? await db.system.findUnique({ where: { key: mapping.defaultSystem }, select: { id: true } }) : null;
  const known = severities.map((severity) => severity.key);
  const unknown = [...new Set(Object.values(mapping.severityMap))].filter((key) => !known.includes(key));
  const errors: FieldErrors = {};
  if (unknown.length > 0) errors.severityMap = [`Unknown severity ${unknown.map((key) => `"${key}"`).join(", ")}: use ${known.join(", ")}`];
  if (!known.includes(mapping.defaultSeverity)) errors.defaultSeverity = [`Choose one of ${known.join(", ")}`];
  if (mapping.defaultSystem && !system) errors.defaultSystem = ["Choose a system from the catalogue"];
  return errors;
}

/** The severity key an alert's labels ask for, before checking that such a severity exists. */
export function severityKeyFor(mapping: AlertMapping, labels: Record<string, string>): string {
  const value = labels[mapping.severityLabel]?.trim().toLowerCase();
  const entry = value ? Object.entries(mapping.severityMap).find(([labelValue]) => labelValue.toLowerCase() === value) : undefined;
  return entry?.[1] ?? mapping.defaultSeverity;
}

/** The catalogue systems an alert's labels name, in label order, each once; the default system when none. */
export function systemsFor<S extends { key: string; name: string }>(mapping: AlertMapping, labels: Record<string, string>, catalogue: S[]): S[] {
  const named = new Set<S>();
  for (const label of mapping.systemLabels) {
    const value = labels[label]?.trim().toLowerCase();
    const system = value ? catalogue.find((entry) => entry.key.toLowerCase() === value || entry.name.toLowerCase() === value) : undefined;
    if (system) named.add(system);
  }
  if (named.size === 0 && mapping.defaultSystem) {
    const fallback = catalogue.find((entry) => entry.key === mapping.defaultSystem);
    if (fallback) named.add(fallback);
  }
  return [...named];
}
