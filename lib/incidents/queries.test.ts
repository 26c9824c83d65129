import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedIncidentWorld } from "@/test/incident-fixtures";
import { resetDatabase } from "@/test/reset-database";
import { declareIncident } from "@/lib/command/lifecycle";
import { parseIncidentFilters } from "./filters";
import { resolveIncident } from "@/lib/command/lifecycle";
import { acknowledgeIncident } from "@/lib/command/lifecycle";
import { getObjectives, setObjectives } from "./objectives";
import { findIncidentId, getIncident, listIncidents } from "./queries";
import { PLAN_OBJECTIVES } from "./rules";

let world: Awaited<ReturnType<typeof seedIncidentWorld>>;

beforeEach(async () => {
  await resetDatabase(db);
  world = await seedIncidentWorld(db);
  const declare = (title: string, severityId: string, systemId: string, day: string) =>
    declareIncident(db, { title, severityId, systemIds: [systemId], impact: "x", description: "" }, world.users.commander, new Date(`${day}T12:00:00Z`));
  const relayer = await declare("Bridge relayer stalled", world.severities.critical, world.systems.bridge.id, "2026-01-10");
  await declare("Grafana dashboards empty", world.severities.low, world.systems.monitoring.id, "2026-02-10");
  const resolved = await declare("Bridge fee oracle drift", world.severities.high, world.systems.bridge.id, "2026-03-10");
  await acknowledgeIncident(db, relayer.id, world.users.responder, new Date("2026-01-10T12:05:00Z"));
  await resolveIncident(db, { incidentId: resolved.id, resolution: "Fixed", prevention: "", followUp: "" }, world.users.commander, new Date("2026-03-10T13:00:00Z"));
});

const titles = async (query: Record<string, string>) => (await listIncidents(db, parseIncidentFilters(query))).items.map((item) => item.title);

describe("listIncidents", () => {
  it("lists newest first by default", async () => {
    expect(await titles({})).toEqual(["Bridge fee oracle drift", "Grafana dashboards empty", "Bridge relayer stalled"]);
  });

  it("filters by status, severity, system, team, dates and text", async () => {
    expect(await titles({ status: "open" })).toEqual(["Grafana dashboards empty", "Bridge relayer stalled"]);
    expect(await titles({ status: "resolved" })).toEqual(["Bridge fee oracle drift"]);
    expect(await titles({ severity: "critical" })).toEqual(["Bridge relayer stalled"]);
    expect(await titles({ system: "monitoring" })).toEqual(["Grafana dashboards empty"]);
    expect(await titles({ team: "infrastructure" })).toHaveLength(3);
    expect(await titles({ team: "security" })).toEqual([]);
    expect(await titles({ from: "2026-02-01", to: "2026-02-28" })).toEqual(["Grafana dashboards empty"]);
    expect(await titles({ q: "bridge" })).toEqual(["Bridge fee oracle drift", "Bridge relayer stalled"]);
    expect(await titles({ q: "INC-1" })).toHaveLength(1);
  });

  it("sorts by severity and pages", async () => {
    expect(await titles({ sort: "severity" })).toEqual(["Bridge relayer stalled", "Bridge fee oracle drift", "Grafana dashboards empty"]);
    const page = await listIncidents(db, parseIncidentFilters({ page: "2" }));
    expect(page).toMatchObject({ items: [], total: 3, page: 2, pageCount: 1 });
  });

  it("ignores malformed filters rather than failing", () => {
    expect(parseIncidentFilters({ status: "nonsense", page: "-3", from: "yesterday" })).toMatchObject({ sort: "newest", page: 1 });
  });
});

describe("getIncident", () => {
  it("returns the incident with its timeline and roles", async () => {
    const [listed] = (await listIncidents(db, parseIncidentFilters({ severity: "critical" }))).items;
    const incident = await getIncident(db, listed!.id);
    expect(incident).toMatchObject({ reference: listed!.reference, status: "acknowledged", systems: ["Bridge Infrastructure"], commander: "Commander" });
    // Paging's own events are covered by lib/paging's tests.
    expect(incident!.timeline.map((event) => event.kind).filter((kind) => kind !== "paged")).toEqual(["declared", "acknowledged"]);
    expect(incident!.roles).toMatchObject([{ role: "commander", name: "Commander", endedAt: null }]);
  });
});

describe("recovery objectives", () => {
  it("default to the plan's and can be changed, with an audit entry", async () => {
    expect(await getObjectives(db)).toEqual(PLAN_OBJECTIVES);
    await setObjectives(db, { rtoSeconds: 7200, rpoSeconds: 60, mtdSeconds: 14_400 }, { id: null, label: "test" });
    expect(await getObjectives(db)).toEqual({ rtoSeconds: 7200, rpoSeconds: 60, mtdSeconds: 14_400 });
    expect(await db.auditEntry.count({ where: { action: "settings.objectives_changed" } })).toBe(1);
  });
});

describe("findIncidentId", () => {
  it("finds an incident by its id or its reference as pasted in chat, and none for anything else", async () => {
    const [listed] = (await listIncidents(db, parseIncidentFilters({ q: "Bridge relayer stalled" }))).items;
    const { id, reference } = listed!;
    const number = reference.slice("INC-".length);
    for (const named of [id, id.toUpperCase(), reference, reference.toLowerCase(), number]) expect(await findIncidentId(db, named)).toBe(id);
    for (const named of ["INC-999999999", "100%", "%E0%A4%A", "INC-", "../admin"]) expect(await findIncidentId(db, named)).toBeNull();
  });
});
