import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { alertmanagerPayload } from "@/test/alert-payload-fixtures";
import { DEFAULT_ALERT_MAPPING, getAlertMapping, mappingCatalogueErrors, setAlertMapping, severityKeyFor, systemsFor } from "./mapping";
import { alertMappingFormSchema, mappingToForm } from "./mapping-form";
import { postAlerts, tokenWith } from "@/test/alert-request-fixtures";

const catalogue = [
  { key: "bridge", name: "Bridge Infrastructure" },
  { key: "monitoring", name: "Monitoring Systems" },
];

describe("severityKeyFor and systemsFor", () => {
  it("map label values without case, falling back to the default severity", () => {
    expect(severityKeyFor(DEFAULT_ALERT_MAPPING, { severity: "Warning" })).toBe("medium");
    expect(severityKeyFor(DEFAULT_ALERT_MAPPING, { severity: "page" })).toBe("critical");
    expect(severityKeyFor(DEFAULT_ALERT_MAPPING, { severity: "disaster" })).toBe("high");
    expect(severityKeyFor({ ...DEFAULT_ALERT_MAPPING, severityLabel: "priority" }, { severity: "info", priority: "P1" })).toBe("high");
  });

  it("name systems by key or name from every system label, each once, or the default system", () => {
    expect(systemsFor(DEFAULT_ALERT_MAPPING, { service: "BRIDGE", job: "monitoring systems", system: "bridge" }, catalogue).map((s) => s.key)).toEqual(["bridge", "monitoring"]);
    expect(systemsFor(DEFAULT_ALERT_MAPPING, { job: "node-exporter" }, catalogue)).toEqual([]);
    expect(systemsFor({ ...DEFAULT_ALERT_MAPPING, defaultSystem: "monitoring" }, { job: "node-exporter" }, catalogue).map((s) => s.key)).toEqual(["monitoring"]);
  });
});

describe("the settings form", () => {
  it("reads the severity map and labels from text, and round-trips the defaults", () => {
    const parsed = alertMappingFormSchema.parse({ ...mappingToForm(DEFAULT_ALERT_MAPPING), resolveIncidents: "on" });
    expect(parsed).toEqual({ ...DEFAULT_ALERT_MAPPING, resolveIncidents: true });
    expect(alertMappingFormSchema.parse({ ...mappingToForm(DEFAULT_ALERT_MAPPING), severityMap: " P1 = critical\n\nP2=high ", resolveIncidents: undefined })).toMatchObject({
      severityMap: { p1: "critical", p2: "high" },
      resolveIncidents: false,
    });
  });

  it("names the line or label that breaks a rule", () => {
    const result = alertMappingFormSchema.safeParse({
      ...mappingToForm(DEFAULT_ALERT_MAPPING),
      severityMap: "critical = critical\nwarning medium",
      systemLabels: "service, app.kubernetes.io/name",
      resolveIncidents: undefined,
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["severityMap", 'Line 2: write "label value = severity key", e.g. "warning = medium"'],
      ["systemLabels", '"app.kubernetes.io/name" is not a Prometheus label name (letters, digits and _)'],
    ]);
  });
});

describe("mapping through the webhook", () => {
  let world: IncidentWorld;
  let token: string;
  beforeEach(async () => {
    world = await freshIncidentWorld(db);
    token = await tokenWith(db, "alerts:write");
  });

  const open = async (labels: Record<string, string>) => {
    const fingerprint = `fp-${Object.values(labels).join("-")}`;
    expect((await postAlerts(alertmanagerPayload([{ fingerprint, labels }]), token)).status).toBe(200);
    const row = await db.alertIncident.findUniqueOrThrow({ where: { fingerprint_startsAt: { fingerprint, startsAt: new Date("2026-11-26T10:00:00.123Z") } }, select: { incident: { select: { severityId: true, systems: { select: { systemId: true } } } } } });
    return { severityId: row.incident.severityId, systemIds: row.incident.systems.map((system) => system.systemId) };
  };

  it("uses the stored mapping, and the defaults when none is stored", async () => {
    expect(await open({ severity: "warning", job: "Monitoring Systems" })).toEqual({ severityId: world.severities.medium, systemIds: [world.systems.monitoring.id] });
    expect(await open({ severity: "unheard-of", job: "node" })).toEqual({ severityId: world.severities.high, systemIds: [] });

    await setAlertMapping(db, { ...DEFAULT_ALERT_MAPPING, severityLabel: "priority", severityMap: { p1: "critical" }, defaultSeverity: "low", defaultSystem: "bridge" }, { id: null, label: "test" });
    expect(await open({ priority: "P1", job: "node" })).toEqual({ severityId: world.severities.critical, systemIds: [world.systems.bridge.id] });
    expect(await open({ priority: "P4" })).toEqual({ severityId: world.severities.low, systemIds: [world.systems.bridge.id] });
  });

  it("names severities and systems the catalogue lacks before a mapping is saved", async () => {
    expect(await mappingCatalogueErrors(db, DEFAULT_ALERT_MAPPING)).toEqual({});
    expect(await mappingCatalogueErrors(db, { ...DEFAULT_ALERT_MAPPING, severityMap: { p1: "sev1", p2: "high" }, defaultSeverity: "urgent", defaultSystem: "mainframe" })).toEqual({
      severityMap: ['Unknown severity "sev1": use critical, high, medium, low'],
      defaultSeverity: ["Choose one of critical, high, medium, low"],
      defaultSystem: ["Choose a system from the catalogue"],
    });
    expect(await mappingCatalogueErrors(db, { ...DEFAULT_ALERT_MAPPING, defaultSystem: world.systems.bridge.key })).toEqual({});
  });

  it("falls back to the defaults when the stored setting is no longer valid", async () => {
    await db.setting.create({ data: { key: "alerts.mapping", value: { severityLabel: "not a label" } } });
    expect(await getAlertMapping(db)).toEqual(DEFAULT_ALERT_MAPPING);
  });
});
