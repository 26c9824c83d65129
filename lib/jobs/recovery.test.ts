import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { OutageReporter } from "@/lib/db/availability";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resetDatabase } from "@/test/reset-database";
import { releaseDeadWorkers, startHeartbeat } from "./recovery";

const pool = new pg.Pool({ connectionString: env().DATABASE_URL });
afterAll(() => pool.end());

beforeEach(async () => {
  await resetDatabase(db);
  await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
});

async function lockedJob(workerId: string, lockedSecondsAgo: number): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM graphile_worker.add_job('paging-send', '{}'::json)`);
  const id = rows[0]!.id;
  await pool.query(`UPDATE graphile_worker._private_jobs SET locked_by = $1, locked_at = now() - make_interval(secs => $2) WHERE id = $3`, [workerId, lockedSecondsAgo, id]);
  return id;
}

const lockOf = async (id: string) => (await pool.query(`SELECT locked_by FROM graphile_worker._private_jobs WHERE id = $1`, [id])).rows[0]?.locked_by ?? null;
const serverStartedAt = async () => (await pool.query<{ at: Date }>("SELECT pg_postmaster_start_time() AS at")).rows[0]!.at;
const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);
/** No PostgreSQL backend has this pid. */
const GONE_PID = 2_000_000_000;

it("releases jobs held by workers nobody has heard from, and only those", async () => {
  const dead = await lockedJob("worker-dead", 60);
  const live = await lockedJob("worker-live", 60);
  const fresh = await lockedJob("worker-new", 2);
  await db.workerHeartbeat.create({ data: { id: "host:1:a", workerIds: ["worker-live"], host: "host", pid: 1 } });

  expect(await releaseDeadWorkers(pool)).toEqual(["worker-dead"]);
  expect(await lockOf(dead)).toBeNull();
  expect(await lockOf(live)).toBe("worker-live");
  // Locked seconds ago by a worker that may not have said it is alive yet: left alone.
  expect(await lockOf(fresh)).toBe("worker-new");
});

it("takes a worker whose heartbeat stopped for dead", async () => {
  const job = await lockedJob("worker-gone", 60);
  await db.workerHeartbeat.create({ data: { id: "host:2:b", workerIds: ["worker-gone"], host: "host", pid: 2, seenAt: secondsAgo(60) } });
  expect(await releaseDeadWorkers(pool)).toEqual(["worker-gone"]);
  expect(await lockOf(job)).toBeNull();
});

it("releases the jobs of a worker whose database connection is gone and which has not reconnected, not of one whose connection lives", async () => {
  const gone = await lockedJob("worker-killed", 1);
  const live = await lockedJob("worker-running", 1);
  const held = await pool.connect();
  try {
    const { rows } = await held.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const server = await serverStartedAt();
    await db.workerHeartbeat.createMany({
      data: [
        { id: "host:3:c", workerIds: ["worker-killed"], host: "host", pid: 3, backendPid: GONE_PID, serverStartedAt: server, seenAt: secondsAgo(4) },
        { id: "host:4:d", workerIds: ["worker-running"], host: "host", pid: 4, backendPid: rows[0]!.pid, serverStartedAt: server, seenAt: secondsAgo(4) },
      ],
    });
    expect(await releaseDeadWorkers(pool)).toEqual(["worker-killed"]);
    expect(await lockOf(gone)).toBeNull();
    expect(await lockOf(live)).toBe("worker-running");
  } finally {
    held.release();
  }
});

describe("what a database outage does to the living is no proof of death", () => {
  it("a backend recorded on another server instance (before a restart or a failover) proves nothing", async () => {
    const job = await lockedJob("worker-across-restart", 1);
    await db.workerHeartbeat.create({
      data: { id: "host:5:e", workerIds: ["worker-across-restart"], host: "host", pid: 5, backendPid: GONE_PID, serverStartedAt: secondsAgo(3600), seenAt: secondsAgo(4) },
    });
    expect(await releaseDeadWorkers(pool)).toEqual([]);
    expect(await lockOf(job)).toBe("worker-across-restart");
  });

  it("a worker whose connection just dropped has a moment to reconnect", async () => {
    const job = await lockedJob("worker-reconnecting", 1);
    await db.workerHeartbeat.create({
      data: { id: "host:6:f", workerIds: ["worker-reconnecting"], host: "host", pid: 6, backendPid: GONE_PID, serverStartedAt: await serverStartedAt(), seenAt: new Date() },
    });
    expect(await releaseDeadWorkers(pool)).toEqual([]);
    expect(await lockOf(job)).toBe("worker-reconnecting");
  });

  it("silence is counted from when the judge itself could see the database", async () => {
    const job = await lockedJob("worker-silent", 60);
    const unknown = await lockedJob("worker-unknown", 60);
    await db.workerHeartbeat.create({ data: { id: "host:7:g", workerIds: ["worker-silent"], host: "host", pid: 7, seenAt: secondsAgo(60) } });
    // A judge back from an outage two seconds ago: everyone gets the full grace to beat again.
    expect(await releaseDeadWorkers(pool, { watchingSince: secondsAgo(2) })).toEqual([]);
    expect(await lockOf(job)).toBe("worker-silent");
    expect(await lockOf(unknown)).toBe("worker-unknown");
    // The same judge once it has watched for longer than the grace.
    expect((await releaseDeadWorkers(pool, { watchingSince: secondsAgo(30) })).sort()).toEqual(["worker-silent", "worker-unknown"]);
  });
});

describe("the heartbeat", () => {
  it("records its connection's backend and server, and when that connection is ended, beats again at once from a new one that keeps its jobs", async () => {
    const lines: string[] = [];
    const heartbeat = await startHeartbeat(pool, {
      workerIds: () => ["worker-beating"],
      onRelease: () => undefined,
      reporter: new OutageReporter((line) => lines.push(line)),
      intervalMs: 60_000,
    });
    try {
      const job = await lockedJob("worker-beating", 1);
      const first = await db.workerHeartbeat.findFirstOrThrow({ where: { workerIds: { has: "worker-beating" } } });
      expect(first.serverStartedAt?.getTime()).toBe((await serverStartedAt()).getTime());
      await pool.query("SELECT pg_terminate_backend($1)", [first.backendPid]);

      let current = first;
      for (let waited = 0; current.backendPid === first.backendPid; waited += 50) {
        if (waited > 20_000) throw new Error("the heartbeat did not reconnect");
        await new Promise((resolve) => setTimeout(resolve, 50));
        current = await db.workerHeartbeat.findFirstOrThrow({ where: { id: first.id } });
      }
      const { rows } = await pool.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [current.backendPid]);
      expect(rows).toHaveLength(1);
      // Long after the old backend went, whoever judges sees a live worker.
      await pool.query(`UPDATE "WorkerHeartbeat" SET "seenAt" = now() - interval '10 seconds' WHERE id = $1`, [first.id]);
      expect(await releaseDeadWorkers(pool)).toEqual([]);
      expect(await lockOf(job)).toBe("worker-beating");
    } finally {
      await heartbeat.stop();
    }
    expect(await db.workerHeartbeat.count()).toBe(0);
  });
});
