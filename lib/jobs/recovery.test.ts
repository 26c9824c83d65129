import pg from "pg";
import { afterAll, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resetDatabase } from "@/test/reset-database";
import { releaseDeadWorkers } from "./recovery";

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
  await db.workerHeartbeat.create({ data: { id: "host:2:b", workerIds: ["worker-gone"], host: "host", pid: 2, seenAt: new Date(Date.now() - 60_000) } });
  expect(await releaseDeadWorkers(pool)).toEqual(["worker-gone"]);
  expect(await lockOf(job)).toBeNull();
});

it("releases at once the jobs of a worker whose database connection is gone, not of one whose connection lives", async () => {
  const gone = await lockedJob("worker-killed", 1);
  const live = await lockedJob("worker-running", 1);
  const held = await pool.connect();
  try {
    const { rows } = await held.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await db.workerHeartbeat.createMany({
      data: [
        // No PostgreSQL backend has this pid: the process that held it is dead.
        { id: "host:3:c", workerIds: ["worker-killed"], host: "host", pid: 3, backendPid: 2_000_000_000 },
        { id: "host:4:d", workerIds: ["worker-running"], host: "host", pid: 4, backendPid: rows[0]!.pid },
      ],
    });
    expect(await releaseDeadWorkers(pool)).toEqual(["worker-killed"]);
    expect(await lockOf(gone)).toBeNull();
    expect(await lockOf(live)).toBe("worker-running");
  } finally {
    held.release();
  }
});
