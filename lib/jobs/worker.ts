import { EventEmitter } from "node:events";
import { consoleLogFactory, Logger, run, type Runner, type WorkerEvents } from "graphile-worker";
import { databaseOutage as outage, isDatabaseUnavailable, untilDatabaseAnswers } from "@/lib/db/availability";
import { createPrismaClient } from "@/lib/db/client";
import { PatientPool } from "./patient-pool";
import { startHeartbeat } from "./recovery";
import { crontab, taskList, type AnyTask, type Lane as LaneName } from "./registry";

export interface Worker {
  stop(): Promise<void>;
}

// Problems only: a line per completed job would bury them (a fan-out is hundreds of jobs). A job
// that failed because the database is away is part of the outage, said once with the rest.
const logger = new Logger((scope) => {
  const log = consoleLogFactory(scope);
  return (level, message, meta) => {
    if (level !== "error" && level !== "warning") return;
    const error = meta?.error ?? meta?.fatalError;
    if (error !== undefined && isDatabaseUnavailable(error)) outage.failed(error);
    else log(level, message);
  };
});

/**
 * A runner of its own for each lane, with its own slots and only its own tasks, so that work stuck
 * in one cannot starve another: a provider that hangs holds page sends, not the escalation steps
 * falling due meanwhile; long runbook runs hold runbook slots, not paging.
 */
interface Lane {
  name: LaneName;
  slots: number;
  /** How often idle slots look for jobs that fell due (new ones are announced): timers want it often, retries less. */
  pollMs: number;
}

/** Runbooks of different keys run side by side, up to this many per worker process. */
const RUNBOOK_SLOTS = 4;
/** Escalation steps, paging starts and housekeeping: short transactions, never a provider call. */
const CONTROL_SLOTS = 4;
/** Connections the slots share to fetch and finish jobs. */
const BOOKKEEPING_CONNECTIONS = 8;

function lanes(pageSlots: number): Lane[] {
  return [
    { name: "pages", slots: pageSlots, pollMs: 1_000 },
    { name: "runbooks", slots: RUNBOOK_SLOTS, pollMs: 2_000 },
    // Escalation timers: a step fires within half a second of due.
    { name: "control", slots: CONTROL_SLOTS, pollMs: 500 },
  ];
}

export interface WorkerPlan {
  /** Every task the worker runs (lib/worker/tasks.ts). */
  tasks: readonly AnyTask[];
  /** How many pages the process hands to providers at once. */
  concurrency: number;
  /** Called first when the worker stops: work in progress that must end on its own (runbook processes). */
  beforeStop?: () => void;
  /** Told every few seconds how many worker processes are alive, this one included (they share providers' limits). */
  onLiveWorkers?: (count: number) => void;
}

export async function startWorker(connectionString: string, { tasks, concurrency, beforeStop, onLiveWorkers }: WorkerPlan): Promise<Worker> {
  const db = createPrismaClient(connectionString);
  const plan = lanes(concurrency);
  // Our own pool, so its idle connections are closed by us and the job queue's bookkeeping waits
  // for a database that restarts or fails over instead of failing. One connection listens per lane
  // and one is the heartbeat's, for good; slots take one only to fetch or finish a job (their tasks
  // use the Prisma client's), so they share a few rather than hold one each.
  const max = plan.length + 1 + BOOKKEEPING_CONNECTIONS;
  const pgPool = new PatientPool({ connectionString, max }, outage);
  const workerIds = new Set<string>();

  let stopping = false;
  const runners: Runner[] = [];
  const startRunner = async (lane: Lane, slots: number, withCrontab: boolean) => {
    const laneTasks = tasks.filter((task) => task.lane === lane.name);
    const events: WorkerEvents = new EventEmitter();
    events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));
    events.on("worker:release", ({ worker }) => workerIds.delete(worker.workerId));
    // graphile-worker retires a slot that could not record a job's end (its connection dropped
    // under it) and never replaces it; a runner of one slot takes its place, so an outage cannot
    // quietly shrink the worker. The retired slot's job stays locked by it: it is known dead, so
    // its job is released as soon as the database answers, not left for the heartbeat's grace.
    events.on("worker:fatalError", ({ worker, error }) => {
      if (stopping) return;
      console.error(`[worker] a ${lane.name} slot stopped (${error instanceof Error ? error.message : String(error)}); starting another`);
      untilDatabaseAnswers(() => startRunner(lane, 1, false), { giveUp: () => stopping }).catch((caught: Error) =>
        console.error(`[worker] could not replace the ${lane.name} slot: ${caught.message}`),
      );
      untilDatabaseAnswers(() => pgPool.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [[worker.workerId]]), { giveUp: () => stopping }).catch(
        (caught: Error) => console.error(`[worker] could not release the stopped slot's job: ${caught.message}`),
      );
    });
    runners.push(
      await run({
        pgPool,
        concurrency: slots,
        taskList: taskList(db, laneTasks),
        crontab: withCrontab ? crontab(laneTasks) : "",
        events,
        logger,
        // The process that started the worker owns the signals and stops it in order.
        noHandleSignals: true,
        pollInterval: lane.pollMs,
      }),
    );
  };
  for (const lane of plan) await startRunner(lane, lane.slots, true);

  const heartbeat = await startHeartbeat(pgPool, {
    workerIds: () => [...workerIds],
    onRelease: (dead) => console.warn(`[worker] released jobs locked by stopped workers: ${dead.join(", ")}`),
    reporter: outage,
    onLiveWorkers,
  });
  return {
    async stop() {
      stopping = true;
      // Shutting down is no time to wait for a database that is away: bookkeeping fails fast now.
      pgPool.stopWaiting();
      beforeStop?.();
      await Promise.all(runners.map((runner) => runner.stop()));
      await heartbeat.stop();
      await pgPool.end();
      await db.$disconnect();
    },
  };
}
