import { EventEmitter } from "node:events";
import { consoleLogFactory, Logger, run, type Runner, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { stopRunsInProgress } from "@/lib/runbooks/run-worker";
import { startHeartbeat } from "./recovery";
import { createTaskList, crontab } from "./tasks";

// Problems only: a line per completed job would bury them (a fan-out is hundreds of jobs).
const logger = new Logger((scope) => {
  const log = consoleLogFactory(scope);
  return (level, message) => {
    if (level === "error" || level === "warning") log(level, message);
  };
});

export interface Worker {
  stop(): Promise<void>;
}

export async function startWorker(connectionString: string, concurrency: number): Promise<Worker> {
  const db = createPrismaClient(connectionString);
  // Our own pool, so its idle connections are closed by us, and a connection the server
  // drops (a restart, a failover) is logged rather than crashing the process.
  const pgPool = new pg.Pool({ connectionString, max: concurrency + 3 });
  pgPool.on("error", (error) => console.error(`[worker] database connection lost: ${error.message}`));
  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));
  events.on("worker:release", ({ worker }) => workerIds.delete(worker.workerId));
  const runner: Runner = await run({
    pgPool,
    concurrency,
    taskList: createTaskList(db),
    crontab,
    events,
    logger,
    // The process that started the worker owns the signals and stops it in order.
    noHandleSignals: true,
    pollInterval: 1000,
  });
  const heartbeat = await startHeartbeat(pgPool, () => [...workerIds], (dead) =>
    console.warn(`[worker] released jobs locked by stopped workers: ${dead.join(", ")}`),
  );
  return {
    async stop() {
      stopRunsInProgress();
      await runner.stop();
      await heartbeat.stop();
      await pgPool.end();
      await db.$disconnect();
    },
  };
}
