import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { getOverviewMetrics } from "@/lib/incidents/metrics";
import { PLAN_OBJECTIVES } from "@/lib/incidents/rules";
import { resetDatabase } from "@/test/reset-database";
import { DEMO_HISTORY_DAYS, DEMO_HISTORY_INCIDENTS, seedDemoHistory } from "./history";
import { seedDemo } from "./seed";

const configDir = path.resolve("config");
const now = new Date("2025-06-02T09:30:00Z");
const DAY = 86_400_000;

beforeEach(async () => {
  await resetDatabase(db);
  await seedDemo(db, configDir, { history: false });
});

const seedHistory = () => db.$transaction((tx) => seedDemoHistory(tx, { now }));

/** Everything the history wrote, in a stable order, with people and severities by name rather than generated key. */
function snapshot() {
  return db.incident.findMany({
    orderBy: { number: "asc" },
    omit: { severityId: true, commanderId: true, declaredById: true, createdAt: true, updatedAt: true },
    include: {
      severity: { select: { key: true } },
      commander: { select: { email: true } },
      declaredBy: { select: { email: true } },
      systems: { select: { system: { select: { key: true } } }, orderBy: { system: { key: "asc" } } },
      roles: { select: { role: true, user: { select: { email: true } }, assignedAt: true }, orderBy: { id: "asc" } },
      events: { select: { kind: true, actor: { select: { email: true } }, body: true, data: true, createdAt: true }, orderBy: { id: "asc" } },
    },
  });
}

describe("seedDemoHistory", () => {
  it("is deterministic: the same clock gives the same history", async () => {
    await seedHistory();
    const first = await snapshot();
    await resetDatabase(db);
    await seedDemo(db, configDir, { history: false });
    await seedHistory();
    expect(await snapshot()).toEqual(first);
  }, 90_000); // seeds the demo twice, password hashing included

  it("writes consistent incidents and timelines, the way the lifecycle would", async () => {
    const written = await seedHistory();
    expect(written.incidents).toBe(DEMO_HISTORY_INCIDENTS);

    const incidents = await db.incident.findMany({
      include: {
        severity: { select: { key: true, responseTimeSeconds: true } },
        commander: { select: { name: true, role: true, email: true } },
        systems: { select: { system: { select: { name: true } } } },
        roles: true,
        events: { orderBy: { id: "asc" } },
      },
      orderBy: { number: "asc" },
    });
    expect(incidents).toHaveLength(DEMO_HISTORY_INCIDENTS);
    expect(await db.auditEntry.count()).toBe(0);

    let previousDeclared = 0;
    for (const incident of incidents) {
      const label = `${incident.number} ${incident.title}`;
      const t = (date: Date | null) => date?.getTime() ?? Number.NaN;
      expect(incident.isDemo, label).toBe(true);
      expect(["resolved", "closed"], label).toContain(incident.status);
      expect(t(incident.declaredAt), label).toBeGreaterThanOrEqual(previousDeclared);
      previousDeclared = t(incident.declaredAt);
      expect(t(incident.declaredAt), label).toBeGreaterThanOrEqual(now.getTime() - DEMO_HISTORY_DAYS * DAY);
      expect(t(incident.acknowledgedAt), label).toBeGreaterThan(t(incident.declaredAt));
      expect(t(incident.mitigatedAt), label).toBeGreaterThan(t(incident.acknowledgedAt));
      expect(t(incident.resolvedAt), label).toBeGreaterThan(t(incident.mitigatedAt));
      expect(t(incident.resolvedAt), label).toBeLessThan(now.getTime());
      expect(incident.closedAt === null, label).toBe(incident.status === "resolved");
      if (incident.closedAt) expect(t(incident.closedAt), label).toBeGreaterThan(t(incident.resolvedAt));
      expect(t(incident.ackDueAt), label).toBe(t(incident.declaredAt) + incident.severity.responseTimeSeconds * 1000);
      if (incident.breachedAt) expect(t(incident.acknowledgedAt), label).toBeGreaterThan(t(incident.breachedAt));
      else expect(t(incident.acknowledgedAt), label).toBeLessThanOrEqual(t(incident.ackDueAt));
      expect(incident.resolution, label).toBeTruthy();
      expect(incident.title, label).not.toMatch(/[{}]/);
      expect(["commander", "admin"], label).toContain(incident.commander?.role);
      expect(incident.commander?.email, label).toMatch(/@firebreak\.demo$/);
      expect(incident.roles.filter((role) => role.role === "commander").map((role) => role.userId), label).toEqual([incident.commanderId]);
      expect(incident.systems.length, label).toBeGreaterThan(0);

      const events = incident.events;
      const times = events.map((event) => event.createdAt.getTime());
      expect(times, label).toEqual([...times].sort((a, b) => a - b));
      const [declared] = events;
      expect(declared, label).toMatchObject({ kind: "declared", createdAt: incident.declaredAt, actorId: incident.declaredById, body: incident.impact });
      const severityChanges = events.filter((event) => event.kind === "severity_changed").map((event) => event.data as { from: string; to: string });
      expect(declared!.data, label).toEqual({
        severity: severityChanges[0]?.from ?? incident.severity.key,
        systems: expect.arrayContaining(incident.systems.map((link) => link.system.name)),
        commander: incident.commander?.name,
      });
      expect((declared!.data as { systems: string[] }).systems, label).toHaveLength(incident.systems.length);
      expect(severityChanges.at(-1)?.to ?? incident.severity.key, label).toBe(incident.severity.key);

      const at = (kind: string) => events.filter((event) => event.kind === kind).map((event) => event.createdAt.getTime());
      expect(at("acknowledged"), label).toEqual([t(incident.acknowledgedAt)]);
      expect(at("mitigated"), label).toEqual([t(incident.mitigatedAt)]);
      expect(at("resolved"), label).toEqual([t(incident.resolvedAt)]);
      expect(at("closed"), label).toEqual(incident.closedAt ? [t(incident.closedAt)] : []);
      expect(at("breached"), label).toEqual(incident.breachedAt ? [t(incident.breachedAt)] : []);
      const resolved = events.find((event) => event.kind === "resolved")!;
      expect(resolved.body, label).toBe(incident.resolution);
      expect(resolved.data, label).toEqual({ prevention: incident.prevention, followUp: incident.followUp, dataLossSeconds: incident.dataLossSeconds });
      for (const update of events.filter((event) => event.kind === "status_update")) {
        expect(Object.keys(update.data as object).sort(), label).toEqual(["eta", "nextSteps", "progress"]);
        expect(update.body, label).toBe((update.data as { progress: string }).progress);
        expect(t(update.createdAt), label).toBeGreaterThan(t(incident.acknowledgedAt));
        expect(t(update.createdAt), label).toBeLessThan(t(incident.mitigatedAt));
      }
    }

    const allEvents = incidents.flatMap((incident) => incident.events);
    const kinds = new Set(allEvents.map((event) => event.kind));
    for (const kind of ["declared", "acknowledged", "status_update", "mitigated", "resolved", "closed", "note", "severity_changed", "breached", "role_assigned"]) {
      expect(kinds, kind).toContain(kind);
    }
    const count = (predicate: (incident: (typeof incidents)[number]) => boolean) => incidents.filter(predicate).length;
    const bySeverity = (key: string) => count((incident) => incident.severity.key === key);
    expect(bySeverity("medium") + bySeverity("low")).toBeGreaterThan(DEMO_HISTORY_INCIDENTS * 0.6);
    expect(bySeverity("high")).toBeGreaterThan(5);
    expect(bySeverity("critical")).toBeGreaterThan(0);
    expect(bySeverity("critical")).toBeLessThan(bySeverity("high"));
    const rtoExceeded = count((incident) => incident.resolvedAt!.getTime() - incident.declaredAt.getTime() > PLAN_OBJECTIVES.rtoSeconds * 1000);
    const rpoExceeded = count((incident) => (incident.dataLossSeconds ?? 0) > PLAN_OBJECTIVES.rpoSeconds);
    const breached = count((incident) => incident.breachedAt !== null);
    for (const [what, value] of Object.entries({ rtoExceeded, rpoExceeded, breached })) {
      expect(value, what).toBeGreaterThan(0);
      expect(value, what).toBeLessThan(DEMO_HISTORY_INCIDENTS * 0.15);
    }
  });

  it("takes a handful of statements, not one per row", async () => {
    let statements = 0;
    // Counts every call the history makes on the transaction's model delegates.
    const counting = (target: object): object =>
      new Proxy(target, {
        get(object, property) {
          const value: unknown = Reflect.get(object, property);
          if (typeof value === "function") {
            return (...args: unknown[]) => {
              statements += 1;
              return (value as (...args: unknown[]) => unknown).apply(object, args);
            };
          }
          return value !== null && typeof value === "object" ? counting(value) : value;
        },
      });
    const written = await db.$transaction((tx) => seedDemoHistory(counting(tx) as typeof tx, { now }));
    expect(written.events).toBeGreaterThan(DEMO_HISTORY_INCIDENTS * 5);
    // Three reads (severities, systems, people) and four inserts.
    expect(statements).toBe(7);
  });

  it("gives the overview's charts data, labelled as demo, with nothing open", async () => {
    await seedHistory();
    const metrics = await getOverviewMetrics(db, now);
    expect(metrics.includesDemo).toBe(true);
    expect(metrics.open.total).toBe(0);
    expect(metrics.weeks.filter((week) => Object.keys(week.declared).length > 0).length).toBeGreaterThanOrEqual(11);
    expect(metrics.weeks.every((week) => week.resolved === 0 || week.mttrSeconds! > 0)).toBe(true);
    expect(metrics.recovery).toHaveLength(30);
    expect(metrics.recovery.every((incident) => incident.isDemo)).toBe(true);
  });
});

describe("seedDemo", () => {
  it("seeds the history with the demo unless told not to", async () => {
    // beforeEach seeded with { history: false }.
    expect(await db.incident.count()).toBe(0);
    await resetDatabase(db);
    await seedDemo(db, configDir);
    expect(await db.incident.count({ where: { isDemo: true } })).toBe(DEMO_HISTORY_INCIDENTS);
  });

  it("takes its default from FIREBREAK_DEMO_HISTORY, which is on unless set to false", () => {
    expect(parseEnv({}).FIREBREAK_DEMO_HISTORY).toBe(true);
    expect(parseEnv({ FIREBREAK_DEMO_HISTORY: "false" }).FIREBREAK_DEMO_HISTORY).toBe(false);
  });
});
