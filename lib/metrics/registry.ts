import { Counter, Gauge, Registry, Summary } from "prom-client";
import type { Db } from "@/lib/db/client";
import type { RunDurations } from "@/lib/runbooks/metrics";
import { readMetricsSnapshot, type MetricsSnapshot } from "./snapshot";

/*
 * What GET /api/metrics exposes. A fresh registry is filled from the database on every scrape, so
 * any web instance answers the same and nothing is counted in a process's memory. Demo history is
 * never included (see incident-figures.ts).
 *
 * The plan's metrics, named as in its recovery-monitoring.yml so its alert rules work unchanged:
 * - recovery_time_seconds{incident,severity} (gauge): one series per incident not yet resolved
 *   (declared, acknowledged or mitigated): seconds since it was declared. RecoveryTimeTooLong
 *   (> 14400 for 5m) fires while a recovery runs past the 4 h RTO; the series ends at resolution.
 * - data_loss_seconds{incident,severity} (gauge): the data loss recorded on each incident resolved in
 *   the last 24 hours (incidents without a recorded loss have no series). DataLossExceeded (> 300
 *   for 1m) therefore fires for a day after a resolution that lost more than the 5 min RPO.
 * - recovery_success_total{kind} (counter): kind="incident" counts resolved (or closed) incidents
 *   whose declaration → resolution stayed within the configured RTO; kind="runbook" counts runbook
 *   runs that succeeded (lib/runbooks/metrics.ts, which leaves drill runs out). Recounted from the
 *   database each scrape; a reopened incident leaves the count, which Prometheus reads as a reset.
 *
 * Firebreak's own:
 * - firebreak_open_incidents{severity} (gauge): open incidents per configured severity, 0 included.
 * - firebreak_pages{channel,status} (gauge): Page rows by channel and current status. A gauge,
 *   not a counter: a page moves from queued to sent to delivered, so a status's count also falls.
 * - firebreak_backup_age_seconds{system} (gauge): seconds since the last succeeded backup of each
 *   system that has one finished.
 * - firebreak_drills_overdue (gauge): drill schedules past their next due date.
 * - firebreak_runbook_run_duration_seconds{runbook} (summary, _sum and _count only): start to finish
 *   of every runbook run that started and ended (drill runs left out by lib/runbooks/metrics.ts).
 * - firebreak_workers_alive (gauge): worker processes that beat in the last 30 s, as /api/health
 *   counts them (lib/health/workers.ts). At 0 nothing sends pages, escalates or runs runbooks.
 * No per-process metrics: behind a load balancer they would describe whichever instance answered.
 */

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** A summary whose sum and count come from the database instead of observations in this process. */
class RecordedDurations extends Summary<"runbook"> {
  constructor(private readonly durations: RunDurations[]) {
    super({
      name: "firebreak_runbook_run_duration_seconds",
      help: "Start to finish of runbook runs that started and ended, per runbook.",
      labelNames: ["runbook"],
      percentiles: [],
      registers: [],
    });
  }

  override async get() {
    const base = await super.get();
    const values = this.durations.flatMap(({ runbook, sumSeconds, count }) => [
      { metricName: `${base.name}_sum`, labels: { runbook }, value: sumSeconds },
      { metricName: `${base.name}_count`, labels: { runbook }, value: count },
    ]);
    return { ...base, values };
  }
}

export function metricsRegistry(snapshot: MetricsSnapshot): Registry {
  const registry = new Registry();
  const registers = [registry];

  const recoveryTime = new Gauge({ name: "recovery_time_seconds", help: "Seconds since declaration of each incident not yet resolved.", labelNames: ["incident", "severity"], registers });
  for (const { incident, severity, seconds } of snapshot.recoveryTimes) recoveryTime.set({ incident, severity }, seconds);

  const dataLoss = new Gauge({ name: "data_loss_seconds", help: "Data loss recorded on incidents resolved in the last 24 hours.", labelNames: ["incident", "severity"], registers });
  for (const { incident, severity, seconds } of snapshot.dataLosses) dataLoss.set({ incident, severity }, seconds);

  const success = new Counter({ name: "recovery_success_total", help: "Incidents resolved within the RTO (kind=incident) and succeeded runbook runs (kind=runbook).", labelNames: ["kind"], registers });
  success.inc({ kind: "incident" }, snapshot.recoveredIncidents);
  success.inc({ kind: "runbook" }, snapshot.succeededRunbookRuns);

  const open = new Gauge({ name: "firebreak_open_incidents", help: "Open incidents (declared, acknowledged or mitigated) per severity.", labelNames: ["severity"], registers });
  for (const { severity, count } of snapshot.openIncidents) open.set({ severity }, count);

  const pages = new Gauge({ name: "firebreak_pages", help: "Pages by channel and current status.", labelNames: ["channel", "status"], registers });
  for (const { channel, status, count } of snapshot.pages) pages.set({ channel, status }, count);

  const backupAge = new Gauge({ name: "firebreak_backup_age_seconds", help: "Seconds since the last succeeded backup of each system finished.", labelNames: ["system"], registers });
  for (const { system, seconds } of snapshot.backupAges) backupAge.set({ system }, seconds);

  const overdue = new Gauge({ name: "firebreak_drills_overdue", help: "Drill schedules past their next due date.", registers });
  overdue.set(snapshot.overdueDrills);

  const workers = new Gauge({ name: "firebreak_workers_alive", help: "Worker processes that beat in the last 30 seconds.", registers });
  workers.set(snapshot.workersAlive);

  registry.registerMetric(new RecordedDurations(snapshot.runDurations));
  return registry;
}

/** The exposition text for a scrape at `now`. */
export async function renderMetrics(db: Db, now: Date): Promise<string> {
  return metricsRegistry(await readMetricsSnapshot(db, now)).metrics();
}
