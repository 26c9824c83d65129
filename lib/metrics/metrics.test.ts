import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setObjectives } from "@/lib/incidents/objectives";
import { PLAN_OBJECTIVES } from "@/lib/incidents/rules";
import { seedMetricsWorld } from "@/test/metrics-fixtures";
import { parseExposition, type MetricFamily } from "./parse-exposition";
import { renderMetrics } from "./registry";

let seeded: Awaited<ReturnType<typeof seedMetricsWorld>>;
let families: Map<string, MetricFamily>;

beforeAll(async () => {
  seeded = await seedMetricsWorld(db);
  families = parseExposition(await renderMetrics(db, seeded.now));
});

function family(name: string, type: string): MetricFamily {
  const found = families.get(name);
  expect(found, `${name} is exposed`).toBeDefined();
  expect(found!.type, `${name}'s TYPE`).toBe(type);
  expect(found!.help.length, `${name}'s HELP`).toBeGreaterThan(10);
  return found!;
}

/** name{labels} value for each sample, in a stable order. */
const lines = (metric: MetricFamily) =>
  metric.samples
    .map((sample) => `${sample.name}${JSON.stringify(sample.labels)} ${sample.value}`)
    .sort();

const series = (name: string, labels: Record<string, string>, value: number) => `${name}${JSON.stringify(labels)} ${value}`;

describe("the plan's metrics", () => {
  it("recovery_time_seconds: every open incident (demo left out), seconds since its declaration", () => {
    const { incidents } = seeded;
    expect(lines(family("recovery_time_seconds", "gauge"))).toEqual(
      [
        series("recovery_time_seconds", { incident: incidents.declared5h.reference, severity: "critical" }, 18_000),
        series("recovery_time_seconds", { incident: incidents.acknowledged30m.reference, severity: "high" }, 1800),
        series("recovery_time_seconds", { incident: incidents.mitigated1h.reference, severity: "medium" }, 3600),
      ].sort(),
    );
  });

  it("data_loss_seconds: the recorded loss of incidents resolved in the last 24 hours, not older, not demo, not unrecorded", () => {
    const { incidents } = seeded;
    expect(lines(family("data_loss_seconds", "gauge"))).toEqual(
      [
        series("data_loss_seconds", { incident: incidents.withinRtoLoss600.reference, severity: "high" }, 600),
        series("data_loss_seconds", { incident: incidents.beyondRtoLoss120.reference, severity: "critical" }, 120),
      ].sort(),
    );
  });

  it("recovery_success_total: incidents resolved within the RTO (the boundary included) and succeeded runbook runs", () => {
    // Within 4 h: 3 h, exactly 4 h, 1 h (closed since) and 2 h; the 6 h recovery and the demo one do not count.
    expect(lines(family("recovery_success_total", "counter"))).toEqual([
      series("recovery_success_total", { kind: "incident" }, 4),
      series("recovery_success_total", { kind: "runbook" }, 3),
    ]);
  });

  it("counts incidents against the RTO configured in settings", async () => {
    const admin = { id: seeded.world.users.admin.id, email: "admin@example.test" };
    await setObjectives(db, { ...PLAN_OBJECTIVES, rtoSeconds: 3 * 3600 }, admin);
    try {
      const text = await renderMetrics(db, seeded.now);
      expect(lines(parseExposition(text).get("recovery_success_total")!)).toContain(series("recovery_success_total", { kind: "incident" }, 3));
    } finally {
      await setObjectives(db, PLAN_OBJECTIVES, admin);
    }
  });
});

describe("Firebreak's own metrics", () => {
  it("firebreak_open_incidents: every severity, zero included, demo left out", () => {
    expect(lines(family("firebreak_open_incidents", "gauge"))).toEqual([
      series("firebreak_open_incidents", { severity: "critical" }, 1),
      series("firebreak_open_incidents", { severity: "high" }, 1),
      series("firebreak_open_incidents", { severity: "low" }, 0),
      series("firebreak_open_incidents", { severity: "medium" }, 1),
    ]);
  });

  it("firebreak_pages: current counts for every channel and status", () => {
    const pages = family("firebreak_pages", "gauge");
    expect(pages.samples).toHaveLength(2 * 6);
    const count = (channel: string, status: string) => pages.samples.find((sample) => sample.labels.channel === channel && sample.labels.status === status)?.value;
    expect([count("sms", "delivered"), count("sms", "failed"), count("email", "sent"), count("email", "queued")]).toEqual([2, 1, 1, 1]);
    expect(pages.samples.reduce((sum, sample) => sum + sample.value, 0)).toBe(5);
  });

  it("firebreak_backup_age_seconds: since the last succeeded backup, for systems that have one", () => {
    expect(lines(family("firebreak_backup_age_seconds", "gauge"))).toEqual([
      series("firebreak_backup_age_seconds", { system: "bridge" }, 600),
      series("firebreak_backup_age_seconds", { system: "node" }, 7200),
    ]);
  });

  it("firebreak_drills_overdue: schedules past the latest run plus their period, or never run", () => {
    // component_recovery (monthly, last run 40 days ago) and ledger_check (daily, never run).
    expect(lines(family("firebreak_drills_overdue", "gauge"))).toEqual([series("firebreak_drills_overdue", {}, 2)]);
  });

  it("firebreak_workers_alive: worker processes that beat in the last 30 s, not one that stopped", () => {
    expect(lines(family("firebreak_workers_alive", "gauge"))).toEqual([series("firebreak_workers_alive", {}, 2)]);
  });

  it("firebreak_runbook_run_duration_seconds: sum and count of finished runs per runbook", () => {
    expect(lines(family("firebreak_runbook_run_duration_seconds", "summary"))).toEqual([
      series("firebreak_runbook_run_duration_seconds_count", { runbook: "restart-node" }, 3),
      series("firebreak_runbook_run_duration_seconds_count", { runbook: "restore-database" }, 1),
      series("firebreak_runbook_run_duration_seconds_sum", { runbook: "restart-node" }, 105),
      series("firebreak_runbook_run_duration_seconds_sum", { runbook: "restore-database" }, 120),
    ]);
  });
});

describe("a scrape", () => {
  it("reads the database each time: a change shows in the next scrape, in any registry", async () => {
    const { incidents, now } = seeded;
    await db.incident.update({ where: { id: incidents.declared5h.id }, data: { status: "resolved", resolvedAt: now, dataLossSeconds: 400 } });
    try {
      const next = parseExposition(await renderMetrics(db, now));
      expect(next.get("recovery_time_seconds")!.samples.map((sample) => sample.labels.incident)).not.toContain(incidents.declared5h.reference);
      expect(next.get("data_loss_seconds")!.samples).toContainEqual({ name: "data_loss_seconds", labels: { incident: incidents.declared5h.reference, severity: "critical" }, value: 400 });
      expect(next.get("firebreak_open_incidents")!.samples.find((sample) => sample.labels.severity === "critical")!.value).toBe(0);
    } finally {
      await db.incident.update({ where: { id: incidents.declared5h.id }, data: { status: "declared", resolvedAt: null, dataLossSeconds: null } });
    }
  });
});
