import type { Db } from "@/lib/db/client";
import { OPEN_STATUSES } from "@/lib/incidents/rules";
import { incidentReference } from "@/lib/timeline/incident";

// The incident side of /api/metrics, one aggregate or narrow query each, read at scrape time.
// Demo history is left out everywhere: it is invented, backdated history, and these figures feed
// alert rules and long-lived counters (an alert about a demo incident would page real people).

export interface IncidentSeries {
  /** INC-<number> */
  incident: string;
  severity: string;
  seconds: number;
}

/** Incidents not yet resolved, with the seconds since their declaration. */
export async function openRecoveries(db: Db, now: Date): Promise<IncidentSeries[]> {
  const rows = await db.$queryRaw<{ number: number; severity: string; seconds: number }[]>`
    SELECT i.number, s.key AS severity, greatest(extract(epoch FROM ${now}::timestamp - i."declaredAt"), 0)::float8 AS seconds
      FROM "Incident" i JOIN "SeverityLevel" s ON s.id = i."severityId"
     WHERE i.status = ANY(${[...OPEN_STATUSES]}::"IncidentStatus"[]) AND NOT i."isDemo"
     ORDER BY i.number`;
  return rows.map((row) => ({ incident: incidentReference(row.number), severity: row.severity, seconds: row.seconds }));
}

export const DATA_LOSS_WINDOW_SECONDS = 86_400;

/** Data loss recorded on incidents resolved in the last 24 hours (reopening clears resolvedAt). */
export async function recentDataLoss(db: Db, now: Date): Promise<IncidentSeries[]> {
  const since = new Date(now.getTime() - DATA_LOSS_WINDOW_SECONDS * 1000);
  const rows = await db.$queryRaw<{ number: number; severity: string; seconds: number }[]>`
    SELECT i.number, s.key AS severity, i."dataLossSeconds" AS seconds
      FROM "Incident" i JOIN "SeverityLevel" s ON s.id = i."severityId"
     WHERE i."resolvedAt" > ${since}::timestamp AND i."resolvedAt" <= ${now}::timestamp
       AND i."dataLossSeconds" IS NOT NULL AND NOT i."isDemo"
     ORDER BY i.number`;
  return rows.map((row) => ({ incident: incidentReference(row.number), severity: row.severity, seconds: row.seconds }));
}

/** Resolved (or since closed) incidents whose declaration → resolution stayed within the RTO. */
export async function recoveredWithinRto(db: Db, rtoSeconds: number): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count
      FROM "Incident" i
     WHERE i."resolvedAt" IS NOT NULL AND NOT i."isDemo"
       AND extract(epoch FROM i."resolvedAt" - i."declaredAt") <= ${rtoSeconds}`;
  return row?.count ?? 0;
}

/** Every configured severity, most severe first, with its open incidents (zero included). */
export async function openBySeverity(db: Db): Promise<{ severity: string; count: number }[]> {
  return db.$queryRaw<{ severity: string; count: number }[]>`
    SELECT s.key AS severity, count(i.id)::int AS count
      FROM "SeverityLevel" s
      LEFT JOIN "Incident" i ON i."severityId" = s.id AND i.status = ANY(${[...OPEN_STATUSES]}::"IncidentStatus"[]) AND NOT i."isDemo"
     GROUP BY s.key, s.rank
     ORDER BY s.rank`;
}
