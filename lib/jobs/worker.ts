import { EventEmitter } from "node:events";
import { consoleLogFactory, Logger, run, type Runner, type WorkerEvents } from "graphile-worker";
import { databaseOutage as outage, isDatabaseUnavailable } from "@/lib/db/availability";
import { createPrismaClient } from "@/lib/db/client";
import { stopRunsInProgress } from "@/lib/runbooks/run-worker";
import { PatientPool } from "./patient-pool";
import { startHeartbeat } from "./recovery";
import { createTaskList, crontab } from "./tasks";

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

export async function startWorker(connectionString: string, concurrency: number): Promise<Worker> {
  const db = createPrismaClient(connectionString);
  // Our own pool, so its idle connections are closed by us and the job queue's bookkeeping waits
  // for a database that restarts or fails over instead of failing.
  const pgPool = new PatientPool({ connectionString, max: concurrency + 4 }, outage);
  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));
  events.on("worker:release", ({ worker }) => workerIds.delete(worker.workerId));

  let stopping = false;
  const runners: Runner[] = [];
  const startRunner = async (slots: number, withCrontab: boolean) => {
    runners.push(
      await run({
        pgPool,
        concurrency: slots,
        taskList: createTaskList(db),
        crontab: withCrontab ? crontab : "",
        events,
        logger,
        // The process that started the worker owns the signals and stops it in order.
        noHandleSignals: true,
        pollInterval: 1000,
      }),
    );
  };
  // graphile-worker retires a slot that could not record a job's end and never replaces it; a
  // runner of one slot takes its place, so an outage cannot quietly shrink the worker.
  events.on("worker:fatalError", ({ error }) => {
    if (stopping) return;
    console.error(`[worker] a job slot stopped (${error instanceof Error ? error.message : String(error)}); starting another`);
    startRunner(1, false).catch((caught: Error) => console.error(`[worker] could not replace the job slot: ${caught.message}`));
  });
  await startRunner(concurrency, true);

  const heartbeat = await startHeartbeat(pgPool, {
    workerIds: () => [...workerIds],
    onRelease: (dead) => console.warn(`[worker] released jobs locked by stopped workers: ${dead.join(", ")}`),
    reporter: outage,
  });
  return {
    async stop() {
      stopping = true;
      // Shutting down is no time to wait for a database that is away: bookkeeping fails fast now.
      pgPool.stopWaiting();
      stopRunsInProgress();
      await Promise.all(runners.map((runner) => runner.stop()));
      await heartbeat.stop();
      await pgPool.end();
      await db.$disconnect();
    },
  };
}
