import "server-only";
import type { Db } from "@/lib/db/client";
import { getObjectives } from "./objectives";
import { assessRecovery, OPEN_STATUSES, type Objectives } from "./rules";
import { incidentReference } from "@/lib/timeline/incident";

// The overview's figures. Each is one aggregate query, so the cost stays flat as incidents pile up.

export const TREND_WEEKS = 12;
export const RECOVERY_INCIDENTS = 30;

const WEEK_MS = 7 * 86_400_000;

export interface OpenFigures {
  /** Every configured severity, most severe first, with its open count (zero included). */
  bySeverity: { severity: string; count: number }[];
  total: number;
  unacknowledged: number;
  /** Open and past the acknowledge-by target: recorded as breached, or due and still unacknowledged. */
  breached: number;
  demo: number;
  /** The incidents waiting for acknowledgement, most severe and oldest first, at most WAITING_SHOWN: named, not just counted. */
  waiting: { id: string; reference: string; title: string; severity: string }[];
}

const WAITING_SHOWN = 5;

export interface WeekFigures {
  /** Monday of the week (UTC), as YYYY-MM-DD. */
  weekStart: string;
  /** Incidents declared that week, by their current severity. */
  declared: Record<string, number>;
  /** Mean declaration → acknowledgement of that week's incidents; null when none was acknowledged. */
  mttaSeconds: number | null;
  acknowledged: number;
  /** Mean declaration → resolution of that week's incidents; null when none is resolved. */
  mttrSeconds: number | null;
  resolved: number;
  demo: number;
}

export interface RecoveryFigure {
  id: string;
  reference: string;
  title: string;
  severity: string;
  resolvedAt: string;
  timeToRecoverSeconds: number;
  rtoBreached: boolean;
  dataLossSeconds: number | null;
  rpoBreached: boolean;
  isDemo: boolean;
}

export interface OverviewMetrics {
  severities: string[];
  open: OpenFigures;
  weeks: WeekFigures[];
  objectives: Objectives;
  /** The last resolved incidents, oldest first. */
  recovery: RecoveryFigure[];
  includesDemo: boolean;
}

/** Monday 00:00 UTC of the week holding `date`, as PostgreSQL's date_trunc('week') has it. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export async function getOpenFigures(db: Db, now: Date): Promise<OpenFigures> {
  const rows = await db.$queryRaw<{ severity: string; count: number; unacknowledged: number; breached: number; demo: number }[]>`
    SELECT s.key AS severity,
           count(i.id)::int AS count,
           count(i.id) FILTER (WHERE i."acknowledgedAt" IS NULL)::int AS unacknowledged,
           count(i.id) FILTER (WHERE i."breachedAt" IS NOT NULL
                                  OR (i."acknowledgedAt" IS NULL AND i."ackDueAt" < ${now}::timestamp))::int AS breached,
           count(i.id) FILTER (WHERE i."isDemo")::int AS demo
      FROM "SeverityLevel" s
      LEFT JOIN "Incident" i ON i."severityId" = s.id AND i.status = ANY(${[...OPEN_STATUSES]}::"IncidentStatus"[])
     GROUP BY s.key, s.rank
     ORDER BY s.rank`;
  const sum = (field: "count" | "unacknowledged" | "breached" | "demo") => rows.reduce((total, row) => total + row[field], 0);
  const waiting = await db.$queryRaw<{ id: string; number: number; title: string; severity: string }[]>`
    SELECT i.id, i.number, i.title, s.key AS severity
      FROM "Incident" i JOIN "SeverityLevel" s ON s.id = i."severityId"
     WHERE i.status = ANY(${[...OPEN_STATUSES]}::"IncidentStatus"[]) AND i."acknowledgedAt" IS NULL
     ORDER BY s.rank, i."declaredAt"
     LIMIT ${WAITING_SHOWN}`;
  return {
    waiting: waiting.map((row) => ({ id: row.id, reference: incidentReference(row.number), title: row.title, severity: row.severity })),
    bySeverity: rows.map((row) => ({ severity: row.severity, count: row.count })),
    total: sum("count"),
    unacknowledged: sum("unacknowledged"),
    breached: sum("breached"),
    demo: sum("demo"),
  };
}

/** The last TREND_WEEKS weeks up to `now`, oldest first, every week present even when empty. */
export async function getWeekFigures(db: Db, now: Date): Promise<WeekFigures[]> {
  const first = new Date(weekStart(now).getTime() - (TREND_WEEKS - 1) * WEEK_MS);
  // Sums and counts per week and severity; the weekly means are built from them below, so they stay exact.
  const rows = await db.$queryRaw<
    { week: Date; severity: string; declared: number; ackSeconds: number | null; acknowledged: number; resolveSeconds: number | null; resolved: number; demo: number }[]
  >`
    SELECT date_trunc('week', i."declaredAt") AS week,
           s.key AS severity,
           count(*)::int AS declared,
           sum(extract(epoch FROM i."acknowledgedAt" - i."declaredAt")) FILTER (WHERE i."acknowledgedAt" <= ${now}::timestamp)::float8 AS "ackSeconds",
           count(*) FILTER (WHERE i."acknowledgedAt" <= ${now}::timestamp)::int AS acknowledged,
           sum(extract(epoch FROM i."resolvedAt" - i."declaredAt")) FILTER (WHERE i."resolvedAt" <= ${now}::timestamp)::float8 AS "resolveSeconds",
           count(*) FILTER (WHERE i."resolvedAt" <= ${now}::timestamp)::int AS resolved,
           count(*) FILTER (WHERE i."isDemo")::int AS demo
      FROM "Incident" i
      JOIN "SeverityLevel" s ON s.id = i."severityId"
     WHERE i."declaredAt" >= ${first}::timestamp AND i."declaredAt" <= ${now}::timestamp
     GROUP BY 1, 2`;

  return Array.from({ length: TREND_WEEKS }, (_, index) => {
    const key = isoDay(new Date(first.getTime() + index * WEEK_MS));
    const week = rows.filter((row) => isoDay(row.week) === key);
    const total = (field: "ackSeconds" | "acknowledged" | "resolveSeconds" | "resolved" | "demo") =>
      week.reduce((sum, row) => sum + (row[field] ?? 0), 0);
    const mean = (seconds: number, count: number) => (count === 0 ? null : Math.round(seconds / count));
    return {
      weekStart: key,
      declared: Object.fromEntries(week.map((row) => [row.severity, row.declared])),
      mttaSeconds: mean(total("ackSeconds"), total("acknowledged")),
      acknowledged: total("acknowledged"),
      mttrSeconds: mean(total("resolveSeconds"), total("resolved")),
      resolved: total("resolved"),
      demo: total("demo"),
    };
  });
}

/** The last RECOVERY_INCIDENTS resolved incidents, oldest first, against the recovery objectives. */
export async function getRecoveryFigures(db: Db, now: Date, objectives: Objectives): Promise<RecoveryFigure[]> {
  const incidents = await db.incident.findMany({
    where: { resolvedAt: { not: null, lte: now } },
    orderBy: [{ resolvedAt: "desc" }, { number: "desc" }],
    take: RECOVERY_INCIDENTS,
    select: {
      id: true,
      number: true,
      title: true,
      declaredAt: true,
      resolvedAt: true,
      dataLossSeconds: true,
      isDemo: true,
      severity: { select: { key: true } },
    },
  });
  return incidents.reverse().map((incident) => {
    const assessment = assessRecovery(incident, objectives, now);
    return {
      id: incident.id,
      reference: incidentReference(incident.number),
      title: incident.title,
      severity: incident.severity.key,
      resolvedAt: incident.resolvedAt!.toISOString(),
      timeToRecoverSeconds: assessment.timeToRecoverSeconds,
      rtoBreached: assessment.rtoBreached,
      dataLossSeconds: assessment.dataLossSeconds,
      rpoBreached: assessment.rpoBreached,
      isDemo: incident.isDemo,
    };
  });
}

export async function getOverviewMetrics(db: Db, now: Date): Promise<OverviewMetrics> {
  const objectives = await getObjectives(db);
  const [open, weeks, recovery] = await Promise.all([
    getOpenFigures(db, now),
    getWeekFigures(db, now),
    getRecoveryFigures(db, now, objectives),
  ]);
  return {
    severities: open.bySeverity.map((row) => row.severity),
    open,
    weeks,
    objectives,
    recovery,
    includesDemo: open.demo > 0 || weeks.some((week) => week.demo > 0) || recovery.some((incident) => incident.isDemo),
  };
}
