import type { Db } from "@/lib/db/client";
import type { PostResult } from "./storm";

// What the database says after the storm, against what the server acknowledged.

export interface StormVerdict {
  /** Alerts carried by 2xx answers. */
  accepted: number;
  /** The storm's AlertIncident rows: one per alert that opened an incident. */
  incidents: number;
  /** Firing alerts acknowledged with a 2xx that have no incident. */
  lost: number;
  /** Alerts with more than one incident (counted by the fingerprint in the incident's title). */
  duplicates: number;
  /** Resolved alerts acknowledged with a 2xx, and how many of those the database shows resolved. */
  resolvedSent: number;
  resolvedRecorded: number;
}

export async function judgeStorm(db: Db, results: PostResult[]): Promise<StormVerdict> {
  const ok = results.filter((result) => result.status >= 200 && result.status < 300);
  const firing = new Set(ok.flatMap((result) => result.post.firing));
  const resolved = new Set(ok.flatMap((result) => result.post.resolved));

  // The storm's alerts only: the warm-up's opened incidents too.
  const planned = [...new Set(results.flatMap((result) => [...result.post.firing, ...result.post.resolved]))];
  const rows = await db.alertIncident.findMany({ where: { fingerprint: { in: planned } }, select: { fingerprint: true, status: true } });
  const opened = new Set(rows.map((row) => row.fingerprint));
  const titles = await db.incident.groupBy({ by: ["title"], _count: { _all: true } });
  return {
    accepted: ok.reduce((sum, result) => sum + result.post.firing.length + result.post.resolved.length, 0),
    incidents: rows.length,
    lost: [...firing].filter((fingerprint) => !opened.has(fingerprint)).length,
    duplicates: titles.filter((title) => title._count._all > 1).length,
    resolvedSent: resolved.size,
    resolvedRecorded: rows.filter((row) => row.status === "resolved" && resolved.has(row.fingerprint)).length,
  };
}

export interface PagingCost {
  pages: number;
  /** Pages per status: queued, sending, sent, … */
  byStatus: Record<string, number>;
  escalations: number;
  /** Jobs waiting in the queue: sends not yet made, escalation steps and breach timers still due. */
  jobs: number;
}

/** What the storm's incidents asked of paging. */
export async function pagingCost(db: Db): Promise<PagingCost> {
  const [statuses, escalations, jobs] = await Promise.all([
    db.page.groupBy({ by: ["status"], _count: { _all: true } }),
    db.escalation.count(),
    db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker._private_jobs`,
  ]);
  const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row._count._all]));
  return { pages: Object.values(byStatus).reduce((sum, count) => sum + count, 0), byStatus, escalations, jobs: Number(jobs[0]?.count ?? 0) };
}
