import { randomBytes } from "node:crypto";
import os from "node:os";
import type pg from "pg";

// graphile-worker keeps a job locked by a worker that died (SIGKILL, lost machine) for four
// hours. Pages cannot wait that long: every worker process says it is alive every few seconds,
// and any process releases the locks of workers nobody has heard from.

export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A worker silent this long is taken for dead; a live one is heard three times in it. */
export const DEAD_AFTER_SECONDS = 15;

export interface Heartbeat {
  stop(): Promise<void>;
}

/** Locks held by workers not heard from lately, on jobs locked long enough ago that a new worker has had time to say it is alive. */
export async function releaseDeadWorkers(pool: pg.Pool, deadAfterSeconds = DEAD_AFTER_SECONDS): Promise<string[]> {
  const { rows } = await pool.query<{ locked_by: string }>(
    `SELECT DISTINCT j.locked_by
       FROM graphile_worker._private_jobs j
      WHERE j.locked_by IS NOT NULL
        AND j.locked_at < now() - make_interval(secs => $1)
        AND NOT EXISTS (
          SELECT 1 FROM "WorkerHeartbeat" h
           WHERE j.locked_by = ANY (h."workerIds") AND h."seenAt" > now() - make_interval(secs => $1))`,
    [deadAfterSeconds],
  );
  const dead = rows.map((row) => row.locked_by);
  if (dead.length > 0) await pool.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [dead]);
  return dead;
}

/** Says this process's workers are alive, and releases the jobs of dead ones, until stopped. */
export async function startHeartbeat(pool: pg.Pool, workerIds: () => string[], onRelease: (dead: string[]) => void): Promise<Heartbeat> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const beat = async () => {
    await pool.query(
      `INSERT INTO "WorkerHeartbeat" (id, "workerIds", host, pid, "seenAt") VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (id) DO UPDATE SET "workerIds" = excluded."workerIds", "seenAt" = now()`,
      [id, workerIds(), os.hostname(), process.pid],
    );
    const dead = await releaseDeadWorkers(pool);
    if (dead.length > 0) onRelease(dead);
    await pool.query(`DELETE FROM "WorkerHeartbeat" WHERE "seenAt" < now() - interval '1 hour'`);
  };
  await beat();
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = beat().catch((error: Error) => console.error(`[worker] heartbeat failed: ${error.message}`));
  }, HEARTBEAT_INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await pool.query(`DELETE FROM "WorkerHeartbeat" WHERE id = $1`, [id]).catch(() => undefined);
    },
  };
}
