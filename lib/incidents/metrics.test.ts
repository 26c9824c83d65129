import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importPlanConfig } from "@/lib/config/import";
import { loadPlanConfig } from "@/lib/config/load";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { declareIncident } from "@/lib/command/lifecycle";
import { closeIncident } from "./lifecycle";
import { resolveIncident } from "@/lib/command/lifecycle";
import { mitigateIncident } from "@/lib/command/lifecycle";
import { acknowledgeIncident } from "@/lib/command/lifecycle";
import { getOverviewMetrics, getRecoveryFigures, RECOVERY_INCIDENTS, weekStart } from "./metrics";
import { setObjectives } from "./objectives";
import type { Actor } from "@/lib/timeline/actor";
import { PLAN_OBJECTIVES } from "./rules";

// Wednesday noon; its week starts Monday 2025-03-10, and the twelve weeks start 2024-12-23.
const now = new Date("2025-03-12T12:00:00Z");

let actor: Actor;
let systemId: string;
let severityIds: Record<string, string>;

beforeEach(async () => {
  await resetDatabase(db);
  await importPlanConfig(db, await loadPlanConfig(path.resolve("config")));
  const user = await db.user.create({ data: { email: "ic@example.test", name: "Ida Commander", role: "commander", passwordHash: "x" } });
  actor = { id: user.id, email: user.email };
  systemId = (await db.system.create({ data: { key: "bridge", name: "Bridge Infrastructure" } })).id;
  severityIds = Object.fromEntries((await db.severityLevel.findMany({ select: { id: true, key: true } })).map((level) => [level.key, level.id]));
});

interface Steps {
  acknowledged?: string;
  mitigated?: string;
  resolved?: string;
  dataLossSeconds?: number;
  closed?: string;
}

/** An incident run through the real lifecycle, each step at the given time. */
async function incident(severity: string, declared: string, steps: Steps = {}): Promise<string> {
  const { id } = await declareIncident(
    db,
    { title: `${severity} at ${declared}`, severityId: severityIds[severity]!, systemIds: [systemId], impact: "Impact", description: "" },
    actor,
    new Date(declared),
  );
  if (steps.acknowledged) await acknowledgeIncident(db, id, actor, new Date(steps.acknowledged));
  if (steps.mitigated) await mitigateIncident(db, id, actor, new Date(steps.mitigated));
  if (steps.resolved) {
    const input = { incidentId: id, resolution: "Fixed", prevention: "", followUp: "", dataLossSeconds: steps.dataLossSeconds };
    await resolveIncident(db, input, actor, new Date(steps.resolved));
  }
  if (steps.closed) await closeIncident(db, id, actor, new Date(steps.closed));
  return id;
}

describe("weekStart", () => {
  it("is Monday 00:00 UTC, as date_trunc('week') has it", () => {
    expect(weekStart(now).toISOString()).toBe("2025-03-10T00:00:00.000Z");
    expect(weekStart(new Date("2025-03-16T23:59:59Z")).toISOString()).toBe("2025-03-10T00:00:00.000Z");
    expect(weekStart(new Date("2025-03-10T00:00:00Z")).toISOString()).toBe("2025-03-10T00:00:00.000Z");
  });
});

describe("getOverviewMetrics", () => {
  it("counts what is open, unacknowledged and breached now, per week, and recovery against the objectives", async () => {
    // Just before the twelve weeks: not in the trends, but among the resolved.
    await incident("low", "2024-12-22T23:59:59Z", { resolved: "2024-12-23T01:00:00Z" });
    await incident("low", "2024-12-23T00:00:00Z", { acknowledged: "2024-12-23T01:00:00Z", resolved: "2024-12-23T02:00:00Z", dataLossSeconds: 0 });
    await incident("high", "2025-03-06T08:00:00Z", {
      acknowledged: "2025-03-06T08:20:00Z",
      mitigated: "2025-03-06T09:00:00Z",
      resolved: "2025-03-06T10:00:00Z",
      dataLossSeconds: 120,
      closed: "2025-03-07T10:00:00Z",
    });
    await incident("medium", "2025-03-10T09:00:00Z", { acknowledged: "2025-03-10T09:30:00Z", resolved: "2025-03-10T10:00:00Z", dataLossSeconds: 0 });
    await incident("critical", "2025-03-11T06:00:00Z", { acknowledged: "2025-03-11T06:10:00Z", resolved: "2025-03-11T11:00:00Z", dataLossSeconds: 600 });
    // Open now: acknowledged an hour late (breach recorded), on time and mitigated, overdue, and not yet due.
    await incident("high", "2025-03-12T08:00:00Z", { acknowledged: "2025-03-12T09:00:00Z" });
    await incident("medium", "2025-03-12T09:00:00Z", { acknowledged: "2025-03-12T09:30:00Z", mitigated: "2025-03-12T10:00:00Z" });
    const overdue = await incident("critical", "2025-03-12T11:00:00Z");
    const notYetDue = await incident("low", "2025-03-12T11:30:00Z");

    const metrics = await getOverviewMetrics(db, now);

    expect(metrics.severities).toEqual(["critical", "high", "medium", "low"]);
    expect(metrics.open).toEqual({
      bySeverity: [
        { severity: "critical", count: 1 },
        { severity: "high", count: 1 },
        { severity: "medium", count: 1 },
        { severity: "low", count: 1 },
      ],
      total: 4,
      unacknowledged: 2,
      breached: 2,
      demo: 0,
      // Named, most severe first.
      waiting: [
        { id: overdue, reference: expect.stringMatching(/^INC-\d+$/), title: "critical at 2025-03-12T11:00:00Z", severity: "critical" },
        { id: notYetDue, reference: expect.stringMatching(/^INC-\d+$/), title: "low at 2025-03-12T11:30:00Z", severity: "low" },
      ],
    });

    expect(metrics.weeks).toHaveLength(12);
    expect(metrics.weeks[0]!.weekStart).toBe("2024-12-23");
    expect(metrics.weeks[11]!.weekStart).toBe("2025-03-10");
    expect(metrics.weeks[0]).toEqual({
      weekStart: "2024-12-23",
      declared: { low: 1 },
      mttaSeconds: 3600,
      acknowledged: 1,
      mttrSeconds: 7200,
      resolved: 1,
      demo: 0,
    });
    expect(metrics.weeks[10]).toEqual({
      weekStart: "2025-03-03",
      declared: { high: 1 },
      mttaSeconds: 1200,
      acknowledged: 1,
      mttrSeconds: 7200,
      resolved: 1,
      demo: 0,
    });
    // Acknowledged: 10, 30, 60 and 30 minutes; resolved: 5 hours and 1 hour.
    expect(metrics.weeks[11]).toEqual({
      weekStart: "2025-03-10",
      declared: { critical: 2, high: 1, medium: 2, low: 1 },
      mttaSeconds: 1950,
      acknowledged: 4,
      mttrSeconds: 10_800,
      resolved: 2,
      demo: 0,
    });
    for (const week of metrics.weeks.slice(1, 10)) {
      expect(week).toMatchObject({ declared: {}, mttaSeconds: null, mttrSeconds: null, acknowledged: 0, resolved: 0 });
    }

    expect(metrics.objectives).toEqual(PLAN_OBJECTIVES);
    expect(
      metrics.recovery.map(({ severity, timeToRecoverSeconds, rtoBreached, dataLossSeconds, rpoBreached }) => ({
        severity,
        timeToRecoverSeconds,
        rtoBreached,
        dataLossSeconds,
        rpoBreached,
      })),
    ).toEqual([
      { severity: "low", timeToRecoverSeconds: 3601, rtoBreached: false, dataLossSeconds: null, rpoBreached: false },
      { severity: "low", timeToRecoverSeconds: 7200, rtoBreached: false, dataLossSeconds: 0, rpoBreached: false },
      { severity: "high", timeToRecoverSeconds: 7200, rtoBreached: false, dataLossSeconds: 120, rpoBreached: false },
      { severity: "medium", timeToRecoverSeconds: 3600, rtoBreached: false, dataLossSeconds: 0, rpoBreached: false },
      { severity: "critical", timeToRecoverSeconds: 18_000, rtoBreached: true, dataLossSeconds: 600, rpoBreached: true },
    ]);
    expect(metrics.recovery.map((row) => row.resolvedAt)).toEqual([
      "2024-12-23T01:00:00.000Z",
      "2024-12-23T02:00:00.000Z",
      "2025-03-06T10:00:00.000Z",
      "2025-03-10T10:00:00.000Z",
      "2025-03-11T11:00:00.000Z",
    ]);
    expect(metrics.recovery[4]!.reference).toBe("INC-5");
    expect(metrics.includesDemo).toBe(false);
  });

  it("leaves out what happens after `now`, as of that moment", async () => {
    await incident("critical", "2025-03-12T11:00:00Z", { acknowledged: "2025-03-12T11:05:00Z", resolved: "2025-03-12T13:00:00Z" });
    const earlier = await getOverviewMetrics(db, now);
    expect(earlier.recovery).toEqual([]);
    expect(earlier.weeks[11]).toMatchObject({ declared: { critical: 1 }, acknowledged: 1, mttaSeconds: 300, resolved: 0, mttrSeconds: null });
    // Declared after `now`: not there yet.
    expect((await getOverviewMetrics(db, new Date("2025-03-12T10:59:59Z"))).weeks[11]!.declared).toEqual({});
  });

  it("judges recovery by the objectives in the settings", async () => {
    await incident("medium", "2025-03-10T09:00:00Z", { resolved: "2025-03-10T10:00:00Z", dataLossSeconds: 60 });
    await incident("medium", "2025-03-10T11:00:00Z", { resolved: "2025-03-10T13:00:00Z", dataLossSeconds: 30 });
    await setObjectives(db, { rtoSeconds: 3600, rpoSeconds: 45, mtdSeconds: 7200 }, { id: null, label: "test" });

    const metrics = await getOverviewMetrics(db, now);
    expect(metrics.objectives).toEqual({ rtoSeconds: 3600, rpoSeconds: 45, mtdSeconds: 7200 });
    expect(metrics.recovery.map((row) => [row.rtoBreached, row.rpoBreached])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("says when demo incidents are among the figures", async () => {
    const id = await incident("low", "2025-03-11T09:00:00Z");
    expect((await getOverviewMetrics(db, now)).includesDemo).toBe(false);
    await db.incident.update({ where: { id }, data: { isDemo: true } });
    const metrics = await getOverviewMetrics(db, now);
    expect(metrics.includesDemo).toBe(true);
    expect(metrics.open.demo).toBe(1);
    expect(metrics.weeks[11]!.demo).toBe(1);
  });

  it("gives every week and severity, with nothing invented, on an empty database", async () => {
    const metrics = await getOverviewMetrics(db, now);
    expect(metrics.open.bySeverity.map((row) => row.count)).toEqual([0, 0, 0, 0]);
    expect(metrics.open).toMatchObject({ total: 0, unacknowledged: 0, breached: 0 });
    expect(metrics.weeks.every((week) => Object.keys(week.declared).length === 0 && week.mttaSeconds === null)).toBe(true);
    expect(metrics.recovery).toEqual([]);
  });
});

describe("getRecoveryFigures", () => {
  it("keeps the most recently resolved incidents, oldest first", async () => {
    for (let hour = 0; hour <= RECOVERY_INCIDENTS; hour += 1) {
      const declared = new Date(Date.UTC(2025, 2, 1, hour));
      await incident("low", declared.toISOString(), { resolved: new Date(declared.getTime() + 600_000).toISOString() });
    }
    const figures = await getRecoveryFigures(db, now, PLAN_OBJECTIVES);
    expect(figures).toHaveLength(RECOVERY_INCIDENTS);
    expect(figures[0]!.reference).toBe("INC-2");
    expect(figures.at(-1)!.reference).toBe(`INC-${RECOVERY_INCIDENTS + 1}`);
  });
});
