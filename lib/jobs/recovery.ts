import { randomBytes } from "node:crypto";
import os from "node:os";
import type pg from "pg";

// graphile-worker keeps a job locked by a worker that died (SIGKILL, lost machine) for four
// hours. Pages cannot wait that long. Every worker process holds one connection for its whole
// life and records that connection's backend pid: when the process dies, PostgreSQL drops the
// backend at once, and any other worker process (or this one restarted) releases its jobs.
// A process that stops beating for long (a hung machine) is taken for dead too.
// This needs a direct (or session-pooled) connection: behind a transaction-mode pooler the
// backend pid means nothing.

export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A worker silent this long is taken for dead even if its connection lingers. */
export const DEAD_AFTER_SECONDS = 15;

export interface Heartbeat {
  stop(): Promise<void>;
}

/**
 * Releases jobs locked by dead workers: ones whose process's connection is gone or that stopped
 * beating. A worker id no heartbeat knows yet is given the same grace, counted from its lock,
 * since a process that just started may not have said it is alive.
 */
export async function releaseDeadWorkers(pool: pg.Pool | pg.PoolClient, deadAfterSeconds = DEAD_AFTER_SECONDS): Promise<string[]> {
  const { rows } = await pool.query<{ locked_by: string }>(
    `WITH alive AS (
       SELECT unnest(h."workerIds") AS worker_id FROM "WorkerHeartbeat" h
        WHERE h."seenAt" > now() - make_interval(secs => $1)
          AND (h."backendPid" IS NULL OR EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = h."backendPid"))
     ), known AS (
       SELECT unnest("workerIds") AS worker_id FROM "WorkerHeartbeat"
     )
     SELECT DISTINCT j.locked_by FROM graphile_worker._private_jobs j
      WHERE j.locked_by IS NOT NULL
        AND j.locked_by NOT IN (SELECT worker_id FROM alive)
        AND (j.locked_by IN (SELECT worker_id FROM known) OR j.locked_at < now() - make_interval(secs => $1))`,
    [deadAfterSeconds],
  );
  const dead = rows.map((row) => row.locked_by);
  if (dead.length > 0) {
    await pool.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [dead]);
    // Idle workers wait for this notification before they look for jobs again.
    await pool.query(`SELECT pg_notify('jobs:insert', json_build_object('r', random(), 'count', $1::int)::text)`, [dead.length]);
  }
  return dead;
}

/** Says this process's workers are alive, and releases the jobs of dead ones, until stopped. */
export async function startHeartbeat(pool: pg.Pool, workerIds: () => string[], onRelease: (dead: string[]) => void): Promise<Heartbeat> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  // Held for the life of the process (a new one after a database restart): its backend is the proof of life.
  let connection: pg.PoolClient | null = null;
  const beat = async () => {
    connection ??= await pool.connect();
    await connection.query(
      `INSERT INTO "WorkerHeartbeat" (id, "workerIds", host, pid, "backendPid", "seenAt") VALUES ($1, $2, $3, $4, pg_backend_pid(), now())
       ON CONFLICT (id) DO UPDATE SET "workerIds" = excluded."workerIds", "seenAt" = now()`,
      [id, workerIds(), os.hostname(), process.pid],
    );
    const dead = await releaseDeadWorkers(connection);
    if (dead.length > 0) onRelease(dead);
    await connection.query(`DELETE FROM "WorkerHeartbeat" WHERE "seenAt" < now() - interval '1 hour'`);
  };
  await beat();
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = beat().catch((error: Error) => {
      console.error(`[worker] heartbeat failed: ${error.message}`);
      connection?.release(error);
      connection = null;
    });
  }, HEARTBEAT_INTERVAL_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await pool.query(`DELETE FROM "WorkerHeartbeat" WHERE id = $1`, [id]).catch(() => undefined);
      connection?.release();
    },
  };
}
