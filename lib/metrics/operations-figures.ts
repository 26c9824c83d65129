import type { Db } from "@/lib/db/client";

// Firebreak's own side of /api/metrics: paging, backups and drills, read at scrape time.

/** Page rows by channel and current status, every pair present (zero included). */
export async function pagesByChannelAndStatus(db: Db): Promise<{ channel: string; status: string; count: number }[]> {
  return db.$queryRaw<{ channel: string; status: string; count: number }[]>`
    SELECT c.channel::text AS channel, s.status::text AS status, coalesce(p.count, 0)::int AS count
      FROM unnest(enum_range(NULL::"Channel")) AS c(channel)
     CROSS JOIN unnest(enum_range(NULL::"PageStatus")) AS s(status)
      LEFT JOIN (SELECT channel, status, count(*) AS count FROM "Page" GROUP BY channel, status) p
             ON p.channel = c.channel AND p.status = s.status
     ORDER BY c.channel, s.status`;
}

/** Seconds since each system's last succeeded backup finished, for systems that have one. */
export async function backupAges(db: Db, now: Date): Promise<{ system: string; seconds: number }[]> {
  return db.$queryRaw<{ system: string; seconds: number }[]>`
    SELECT y.key AS system, greatest(extract(epoch FROM ${now}::timestamp - max(b."finishedAt")), 0)::float8 AS seconds
      FROM "BackupReport" b JOIN "System" y ON y.id = b."systemId"
     WHERE b.status = 'succeeded'
     GROUP BY y.key
     ORDER BY y.key`;
}

/**
 * Drill schedules past their next due date: the latest run plus the schedule's period, or the
 * schedule's creation when it never ran. lib/drills/schedule.ts (drillDue) computes the same rule
 * for the Drills page; it is repeated here as SQL so a scrape stays one query however many
 * schedules and runs exist, and drills-overdue.test.ts keeps the two in step.
 */
export async function overdueDrills(db: Db, now: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count
      FROM "DrillSchedule" d
      LEFT JOIN LATERAL (SELECT max(r."performedAt") AS last FROM "DrillRun" r WHERE r."scheduleId" = d.id) r ON true
     WHERE CASE
             WHEN r.last IS NULL THEN d."createdAt"
             ELSE r.last + CASE lower(d.frequency)
                             WHEN 'daily' THEN interval '1 day'
                             WHEN 'weekly' THEN interval '7 days'
                             WHEN 'monthly' THEN interval '1 month'
                             WHEN 'quarterly' THEN interval '3 months'
                             WHEN 'yearly' THEN interval '1 year'
                           END
           END < ${now}::timestamp`;
  return row?.count ?? 0;
}
