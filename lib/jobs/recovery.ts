import { randomBytes } from "node:crypto";
import os from "node:os";
import type pg from "pg";
import { isDatabaseUnavailable, type OutageReporter } from "@/lib/db/availability";

// graphile-worker keeps a job locked by a worker that died (SIGKILL, lost machine) for four
// hours. Pages cannot wait that long. Every worker process holds one connection and records that
// connection's backend pid with the start time of the server it belongs to: when the process
// dies, PostgreSQL drops the backend at once, and any other worker process (or this one
// restarted) releases its jobs. A process that stops beating for long (a hung machine) is taken
// for dead too.
//
// Releasing the jobs of a live worker runs them twice, so every proof of death is checked
// against what a database outage does to the living:
// - a worker whose connection drops reconnects and beats at once, recording its new backend; its
//   old backend being gone proves nothing until it has been silent for RECONNECT_GRACE_SECONDS;
// - a backend recorded on another server instance (before a restart or a failover) proves nothing;
// - silence is counted from when the judge itself could see the database: after an outage every
//   worker gets DEAD_AFTER_SECONDS to reconnect before its silence counts against it.
// This needs a direct (or session-pooled) connection: behind a transaction-mode pooler the
// backend pid means nothing.

export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A worker silent this long is taken for dead even if its connection lingers. */
export const DEAD_AFTER_SECONDS = 15;
/** A worker whose connection is gone and which has not reconnected within this long is dead. */
export const RECONNECT_GRACE_SECONDS = 3;

export interface Heartbeat {
  stop(): Promise<void>;
}

export interface Judgement {
  deadAfterSeconds?: number;
  reconnectGraceSeconds?: number;
  /** Since when the judging process has seen the database without a break (its connection's start). */
  watchingSince?: Date;
}

/**
 * Releases jobs locked by dead workers: ones whose process's connection is gone or that stopped
 * beating. A worker id no heartbeat knows yet is given the same grace, counted from its lock,
 * since a process that just started may not have said it is alive.
 */
export async function releaseDeadWorkers(client: pg.Pool | pg.PoolClient, judgement: Judgement = {}): Promise<string[]> {
  const { deadAfterSeconds = DEAD_AFTER_SECONDS, reconnectGraceSeconds = RECONNECT_GRACE_SECONDS, watchingSince } = judgement;
  const { rows } = await client.query<{ locked_by: string }>(
    `WITH alive AS (
       SELECT unnest(h."workerIds") AS worker_id FROM "WorkerHeartbeat" h
        WHERE greatest(h."seenAt"::timestamptz, $2::timestamptz) > now() - make_interval(secs => $1)
          AND NOT (h."backendPid" IS NOT NULL
                   AND abs(extract(epoch FROM h."serverStartedAt" - pg_postmaster_start_time())) < 0.001
                   AND h."seenAt" < now() - make_interval(secs => $3)
                   AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = h."backendPid"))
     ), known AS (
       SELECT unnest("workerIds") AS worker_id FROM "WorkerHeartbeat"
     )
     SELECT DISTINCT j.locked_by FROM graphile_worker._private_jobs j
      WHERE j.locked_by IS NOT NULL
        AND j.locked_by NOT IN (SELECT worker_id FROM alive)
        AND (j.locked_by IN (SELECT worker_id FROM known) OR greatest(j.locked_at, $2::timestamptz) < now() - make_interval(secs => $1))`,
    [deadAfterSeconds, watchingSince ?? new Date(0), reconnectGraceSeconds],
  );
  const dead = rows.map((row) => row.locked_by);
  if (dead.length > 0) {
    await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [dead]);
    // Idle workers wait for this notification before they look for jobs again.
    await client.query(`SELECT pg_notify('jobs:insert', json_build_object('r', random(), 'count', $1::int)::text)`, [dead.length]);
  }
  return dead;
}

export interface HeartbeatOptions {
  /** The graphile-worker ids this process runs now. */
  workerIds: () => string[];
  onRelease: (dead: string[]) => void;
  reporter: OutageReporter;
  intervalMs?: number;
  /** Told at every beat how many worker processes are alive, this one included. */
  onLiveWorkers?: (count: number) => void;
}

/** Says this process's workers are alive, and releases the jobs of dead ones, until stopped. */
export async function startHeartbeat(pool: pg.Pool, options: HeartbeatOptions): Promise<Heartbeat> {
  const { workerIds, onRelease, reporter, intervalMs = HEARTBEAT_INTERVAL_MS, onLiveWorkers } = options;
  const id = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  // Held until it drops, then replaced at once: its backend is the proof of life.
  let connection: { client: pg.PoolClient; since: Date } | null = null;
  let stopped = false;
  // A dropped connection is replaced at once rather than at the next beat.
  let hurry = false;
  let wake: () => void = () => undefined;

  const drop = (error?: Error) => {
    if (!connection) return;
    connection.client.release(error ?? true);
    connection = null;
  };
  const connect = async () => {
    const client = await pool.connect();
    client.on("error", (error) => {
      if (connection?.client !== client) return;
      drop(error);
      hurry = true;
      wake();
    });
    const { rows } = await client.query<{ now: Date }>("SELECT now() AS now");
    connection = { client, since: rows[0]!.now };
    return connection;
  };
  const beat = async () => {
    const { client, since } = connection ?? (await connect());
    await client.query(
      `INSERT INTO "WorkerHeartbeat" (id, "workerIds", host, pid, "backendPid", "serverStartedAt", "seenAt")
       VALUES ($1, $2, $3, $4, pg_backend_pid(), pg_postmaster_start_time(), now())
       ON CONFLICT (id) DO UPDATE SET "workerIds" = excluded."workerIds", "backendPid" = excluded."backendPid",
         "serverStartedAt" = excluded."serverStartedAt", "seenAt" = excluded."seenAt"`,
      [id, workerIds(), os.hostname(), process.pid],
    );
    const dead = await releaseDeadWorkers(client, { watchingSince: since });
    if (dead.length > 0) onRelease(dead);
    if (onLiveWorkers) {
      const { rows: live } = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "WorkerHeartbeat" WHERE "seenAt" > now() - make_interval(secs => $1)`,
        [DEAD_AFTER_SECONDS],
      );
      onLiveWorkers(live[0]!.count);
    }
    await client.query(`DELETE FROM "WorkerHeartbeat" WHERE "seenAt" < now() - interval '1 hour'`);
  };

  await beat();
  const loop = (async () => {
    while (!stopped) {
      if (!hurry) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      hurry = false;
      if (stopped) break;
      await beat().then(
        () => reporter.recovered(),
        (error: Error) => {
          drop(error);
          if (isDatabaseUnavailable(error)) reporter.failed(error);
          else console.error(`[worker] heartbeat failed: ${error.message}`);
        },
      );
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      await pool.query(`DELETE FROM "WorkerHeartbeat" WHERE id = $1`, [id]).catch(() => undefined);
      drop();
    },
  };
}
