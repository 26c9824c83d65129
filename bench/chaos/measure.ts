import type { Db } from "@/lib/db/client";

// What the run reads from the database while it goes: how long pending pages take to be handed
// over after a fault, how many sends are in flight, and how long writing transactions stay open.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every page queued before `since` (a fault's end, as a Date) has left queued and
 * sending; resolves with the seconds that took, counted from `endedAt` (performance.now()).
 * Database errors (it may still be starting) are waited out.
 */
export async function pendingHandedOver(db: Db, since: Date, endedAt: number, limitMs = 180_000): Promise<number> {
  const deadline = performance.now() + limitMs;
  for (;;) {
    const pending = await db.page.count({ where: { queuedAt: { lte: since }, status: { in: ["queued", "sending"] } } }).catch(() => null);
    if (pending === 0) return Math.max(0, performance.now() - endedAt) / 1000;
    if (performance.now() > deadline) throw new Error(`${pending ?? "?"} page(s) queued before the fault's end were still not handed over after ${limitMs / 1000} s`);
    await sleep(250);
  }
}

/** What the pages left pending were waiting for, for a report: retries scheduled later, failed job runs, locked jobs. */
export async function describePending(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<{ pages: number; jobs: number; later: number; failed: number; locked: number; lastError: string | null }[]>`
    SELECT (SELECT count(*)::int FROM "Page" WHERE status IN ('queued', 'sending')) AS pages,
           count(*)::int AS jobs, count(*) FILTER (WHERE run_at > now())::int AS later,
           count(*) FILTER (WHERE attempts > 0 AND last_error IS NOT NULL)::int AS failed, count(locked_by)::int AS locked,
           max(last_error) AS "lastError"
      FROM graphile_worker.jobs WHERE task_identifier = 'paging-send'`.catch(() => []);
  if (!row) return "unknown (the database did not answer)";
  return `${row.pages} pages pending, ${row.jobs} send jobs (${row.later} due later, ${row.locked} locked, ${row.failed} failed before${row.lastError ? `: "${row.lastError.split("\n")[0]!.slice(0, 120)}"` : ""})`;
}

/** Sends a provider call was in the middle of now: attempts started and not finished. */
export async function sendsInFlight(db: Db): Promise<number> {
  return db.pageAttempt.count({ where: { finishedAt: null } });
}

/**
 * Samples, four times a second, the oldest open transaction that has written (so may hold row
 * locks) among Firebreak's sessions; `longest()` is the worst seen since the last `reset()`.
 */
export class TransactionWatch {
  private worstMs = 0;
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        const rows = await this.db.$queryRaw<{ ms: number | null }[]>`
          SELECT (extract(epoch FROM max(now() - xact_start)) * 1000)::float8 AS ms FROM pg_stat_activity
           WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`.catch(() => []);
        this.worstMs = Math.max(this.worstMs, rows[0]?.ms ?? 0);
        await sleep(250);
      }
    })();
  }

  reset(): void {
    this.worstMs = 0;
  }

  longest(): number {
    return this.worstMs;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}
