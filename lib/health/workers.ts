import "server-only";
import { db, type Db } from "@/lib/db/client";

/**
 * A worker process counts as running when it has beaten within this window. Workers beat every 5 s
 * (lib/jobs/recovery.ts), so only a stopped or stuck one misses it. Taking over a dead worker's jobs
 * is judged there, its own way; this is what people and monitoring are told.
 */
export const WORKERS_ALIVE_SECONDS = 30;

/** Worker processes that beat in the last WORKERS_ALIVE_SECONDS, by the database's clock, which workers write with. */
export async function countLiveWorkers(client: Db = db): Promise<number> {
  const [row] = await client.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "WorkerHeartbeat" WHERE "seenAt" > now() - make_interval(secs => ${WORKERS_ALIVE_SECONDS}::float8)`;
  return row?.count ?? 0;
}
