import type { Db } from "@/lib/db/client";
import type { SandboxMessage } from "@/test/sandbox";
import { percentiles, type Percentiles } from "../support/percentiles";
import type { AlertRecord } from "./alert-load";
import { ESCALATION_STEP_MINUTES } from "./world";

// What the run did, judged from the database and from the provider sandbox's own records.

export interface FaultWindow {
  name: string;
  /** "database": nothing can fire while it lasts, so a step due in it is judged from its end. */
  kind: "database" | "saturation" | "other";
  start: Date;
  end: Date;
}

export interface PageVerdict {
  pages: number;
  byStatus: Record<string, number>;
  /** Not handed over and not failed with a reason, or "sent" without the provider having it. */
  lost: number;
  lostExamples: string[];
  /** Extra copies the provider accepted of pages it already had. */
  duplicates: number;
  /** Sends a killed worker was making, whose outcome died with it (attempts marked unknown). */
  inFlightAtKill: number;
}

/** Pages queued up to `cutoff`, each handed over or failed by now, against the provider's records fetched after that. */
export async function judgePages(db: Db, messages: SandboxMessage[], cutoff: Date): Promise<PageVerdict> {
  const accepted = new Map<string, number>();
  for (const message of messages) if (message.providerId !== null && message.pageId) accepted.set(message.pageId, (accepted.get(message.pageId) ?? 0) + 1);
  const pages = await db.page.findMany({ where: { queuedAt: { lte: cutoff } }, select: { id: true, status: true, error: true } });
  const byStatus: Record<string, number> = {};
  const lost: string[] = [];
  for (const page of pages) {
    byStatus[page.status] = (byStatus[page.status] ?? 0) + 1;
    if (page.status === "queued" || page.status === "sending") lost.push(`${page.id} still ${page.status}`);
    else if (page.status === "failed" && !page.error) lost.push(`${page.id} failed without a reason`);
    else if ((page.status === "sent" || page.status === "delivered") && !accepted.has(page.id)) lost.push(`${page.id} ${page.status} but the provider has no such message`);
  }
  const duplicates = [...accepted.values()].reduce((sum, count) => sum + count - 1, 0);
  const inFlightAtKill = await db.pageAttempt.count({ where: { outcome: "unknown" } });
  return { pages: pages.length, byStatus, lost: lost.length, lostExamples: lost.slice(0, 5), duplicates, inFlightAtKill };
}

export interface AlertVerdict {
  sent: number;
  /** Never taken by a server, or taken without an incident. */
  lost: number;
  /** Incidents beyond the first for one alert. */
  duplicates: number;
}

export async function judgeAlerts(db: Db, alerts: Iterable<AlertRecord>): Promise<AlertVerdict> {
  const records = [...alerts];
  const incidents = await db.incident.groupBy({ by: ["title"], where: { title: { in: records.map((alert) => alert.title) } }, _count: { _all: true } });
  const count = new Map(incidents.map((row) => [row.title, row._count._all]));
  let lost = 0;
  let duplicates = 0;
  for (const alert of records) {
    const opened = count.get(alert.title) ?? 0;
    if (alert.acceptedAt === undefined || opened === 0) lost += 1;
    duplicates += Math.max(0, opened - 1);
  }
  return { sent: records.length, lost, duplicates };
}

export interface RunVerdict {
  /** Runs started more than once, runs of one runbook that overlapped, and the long run ending other than succeeded. */
  doubleRuns: number;
  longRunStatus: string;
  notes: string[];
}

export async function judgeRuns(db: Db, longRunId: string): Promise<RunVerdict> {
  const notes: string[] = [];
  const starts = await db.auditEntry.groupBy({ by: ["targetId"], where: { action: "runbook.started", targetType: "runbook_run" }, _count: { _all: true } });
  let doubleRuns = 0;
  for (const start of starts) {
    if (start._count._all > 1) {
      doubleRuns += start._count._all - 1;
      notes.push(`run ${start.targetId} started ${start._count._all} times`);
    }
  }
  const runs = await db.runbookRun.findMany({ where: { startedAt: { not: null } }, orderBy: { startedAt: "asc" }, select: { id: true, runbookId: true, startedAt: true, finishedAt: true, status: true } });
  for (const [index, run] of runs.entries()) {
    const overlapping = runs.slice(index + 1).filter((later) => later.runbookId === run.runbookId && (run.finishedAt === null || later.startedAt! < run.finishedAt));
    doubleRuns += overlapping.length;
    for (const later of overlapping) notes.push(`run ${later.id} started while run ${run.id} of the same runbook ran`);
  }
  const longRun = await db.runbookRun.findUniqueOrThrow({ where: { id: longRunId }, select: { status: true, error: true } });
  if (longRun.status !== "succeeded") {
    doubleRuns += 1;
    notes.push(`the long run ended ${longRun.status}${longRun.error ? ` (${longRun.error})` : ""}`);
  }
  return { doubleRuns, longRunStatus: longRun.status, notes };
}

export interface EscalationVerdict {
  /** Steps due before the first fault, late against their due time. */
  baseline: Percentiles;
  /** Steps due between faults (a system catching up after one included). */
  betweenFaults: Percentiles;
  /** Steps due while the database was away, late against its return. */
  afterOutage: Percentiles;
  /** Steps due during the other faults (a worker or web server killed, the provider down). */
  duringOtherFaults: Percentiles;
  duringSaturation: Percentiles;
  /** All but the saturation's, each against the later of its due time and its outage's end. */
  all: Percentiles;
  /** The latest step due between faults, placed against the nearest one, for a reader looking for why. */
  worstBetween: string | null;
}

function placeAmongFaults(at: number, windows: FaultWindow[]): string {
  const nearest = [...windows].sort((a, b) => Math.abs(a.start.getTime() - at) - Math.abs(b.start.getTime() - at))[0];
  if (!nearest) return "with no fault in the run";
  const start = (at - nearest.start.getTime()) / 1000;
  const end = (at - nearest.end.getTime()) / 1000;
  return start < 0 ? `${(-start).toFixed(1)} s before "${nearest.name}" began` : `${end.toFixed(1)} s after "${nearest.name}" ended`;
}

/**
 * The fault a step due at `due`, fired at `firedAt`, fell into: one under way when it fell due, or
 * one that began less than `onTimeMs` after, before it fired. A step due 0.2 s before PostgreSQL
 * stopped was not late yet when it stopped; it is measured against the return like those due during.
 */
function faultOf(due: number, firedAt: number, windows: FaultWindow[], onTimeMs: number): FaultWindow | undefined {
  return windows.find((window) => {
    const start = window.start.getTime();
    if (due > window.end.getTime()) return false;
    return due >= start || (start - due < onTimeMs && firedAt >= start);
  });
}

/**
 * Each escalation step after the first is due ESCALATION_STEP_MINUTES after the one before fired
 * (its first page's queue time); how late it fired, grouped by what was happening when it fell due.
 * `onTimeMs` is the calm target: a step is not late until then.
 */
export async function judgeEscalations(db: Db, windows: FaultWindow[], onTimeMs: number): Promise<EscalationVerdict> {
  const fired = await db.$queryRaw<{ escalationId: string; round: number; step: number; at: Date }[]>`
    SELECT p."escalationId", p.round, p.step, min(p."queuedAt") AS at
      FROM "Page" p JOIN "Escalation" e ON e.id = p."escalationId"
     WHERE e.key LIKE 'team:%' AND p.kind = 'incident' AND p."fallbackForId" IS NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  const groups = { baseline: [] as number[], betweenFaults: [] as number[], afterOutage: [] as number[], duringOtherFaults: [] as number[], duringSaturation: [] as number[], all: [] as number[] };
  const firstFault = Math.min(...windows.map((window) => window.start.getTime()));
  let worstBetween: { late: number; due: number } | null = null;
  for (const [index, step] of fired.entries()) {
    const previous = fired[index - 1];
    if (!previous || previous.escalationId !== step.escalationId || step.step <= 1) continue;
    const due = previous.at.getTime() + ESCALATION_STEP_MINUTES * 60_000;
    const window = faultOf(due, step.at.getTime(), windows, onTimeMs);
    const late = step.at.getTime() - (window?.kind === "database" ? Math.max(due, window.end.getTime()) : due);
    if (!window && due < firstFault) groups.baseline.push(late);
    else if (!window) {
      groups.betweenFaults.push(late);
      if (worstBetween === null || late > worstBetween.late) worstBetween = { late, due };
    } else if (window.kind === "database") groups.afterOutage.push(late);
    else if (window.kind === "saturation") groups.duringSaturation.push(late);
    else groups.duringOtherFaults.push(late);
    if (window?.kind !== "saturation") groups.all.push(late);
  }
  return {
    baseline: percentiles(groups.baseline),
    betweenFaults: percentiles(groups.betweenFaults),
    afterOutage: percentiles(groups.afterOutage),
    duringOtherFaults: percentiles(groups.duringOtherFaults),
    duringSaturation: percentiles(groups.duringSaturation),
    all: percentiles(groups.all),
    worstBetween: worstBetween && `${Math.round(worstBetween.late)} ms late, due ${placeAmongFaults(worstBetween.due, windows)}`,
  };
}
