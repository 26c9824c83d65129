import type { Db } from "@/lib/db/client";
import { pageSendJob } from "@/lib/paging/jobs";
import type { ReceiptLog } from "./receipts";
import type { WorkerProcess } from "@/test/worker-process";
import { declareBenchIncident, type PagingWorld } from "./world";

// A worker killed (SIGKILL, its whole process group) in the middle of a fan-out and started again
// at once. Recovery ends when the provider has every page AND the engine knows it: every page
// "sent" and no send job left. A page the provider got just before the kill, whose job is still
// locked by the dead worker, is sent again when that job is released; stopping at the provider's
// receipts alone would miss those repeats.

export interface KillRecovery {
  incidentId: string;
  /** Pages the provider had accepted when the worker was killed. */
  handedBeforeKill: number;
  killedAfterMs: number;
  /** Send jobs still locked by the dead worker just after the restart. */
  lockedByDeadWorker: number;
  /** Restart (spawn) to the new worker's "Worker running". */
  restartToReadyMs: number;
  /** Restart (spawn) to the provider having accepted every page at least once. */
  allReceivedMs: number;
  /** Restart (spawn) to every page "sent" with no send job left. */
  recoveryMs: number;
  /** Kill to the new worker's log line saying it released the dead worker's jobs; undefined if it never did. */
  releasedAfterKillMs: number | undefined;
  pageIds: string[];
}

const RELEASED_LINE = /released jobs locked by stopped workers/;
const POLL_MS = 100;

export async function measureKillRecovery(
  db: Db,
  world: PagingWorld,
  receipts: ReceiptLog,
  workers: { current(): WorkerProcess; restart(): WorkerProcess },
  options: { killAt: number; timeoutMs: number },
): Promise<KillRecovery> {
  const mark = receipts.count;
  const incident = await declareBenchIncident(db, world, "everyone", `Bench fan-out to ${world.people} people, worker killed`);
  await receipts.waitForCount(mark + options.killAt, 60_000);
  await workers.current().kill();
  const killedAt = performance.now();
  const handedBeforeKill = receipts.count - mark;

  const restarted = workers.restart();
  const lockedByDeadWorker = await lockedSendJobs(db);
  const readyAt = await restarted.ready();
  const deadline = restarted.spawnedAt + options.timeoutMs;
  await receipts.waitForCount(mark + world.people, deadline - performance.now()).catch((error: Error) => {
    throw new Error(`after the kill and restart: ${error.message}`);
  });
  const settledAt = await waitUntilSettled(db, incident.id, deadline);
  const releasedAt = restarted.lineAt(RELEASED_LINE);
  return {
    incidentId: incident.id,
    handedBeforeKill,
    killedAfterMs: killedAt - incident.committedAt,
    lockedByDeadWorker,
    restartToReadyMs: readyAt - restarted.spawnedAt,
    allReceivedMs: receipts.receipt(mark + world.people - 1).at - restarted.spawnedAt,
    recoveryMs: settledAt - restarted.spawnedAt,
    releasedAfterKillMs: releasedAt === undefined ? undefined : releasedAt - killedAt,
    pageIds: receipts.pageIdsSince(mark),
  };
}

async function lockedSendJobs(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier = ${pageSendJob.name} AND locked_by IS NOT NULL`;
  return row?.count ?? 0;
}

/** performance.now() once every page of the incident is "sent" or later and no send job is left. */
async function waitUntilSettled(db: Db, incidentId: string, deadline: number): Promise<number> {
  for (;;) {
    const [row] = await db.$queryRaw<{ unsent: number; jobs: number; locked: number }[]>`
      SELECT (SELECT count(*)::int FROM "Page" WHERE "incidentId" = ${incidentId}::uuid AND status NOT IN ('sent', 'delivered')) AS unsent,
             count(*)::int AS jobs, count(locked_by)::int AS locked
        FROM graphile_worker.jobs WHERE task_identifier = ${pageSendJob.name}`;
    if (row?.unsent === 0 && row.jobs === 0) return performance.now();
    if (performance.now() > deadline) {
      throw new Error(`after the kill and restart: ${row?.unsent} page(s) not sent, ${row?.jobs} send job(s) left, ${row?.locked} of them locked`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
