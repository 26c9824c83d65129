import { run, type Runner } from "graphile-worker";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { createTaskList, crontab } from "./tasks";

export interface Worker {
  stop(): Promise<void>;
}

export async function startWorker(connectionString: string, concurrency: number): Promise<Worker> {
  const db = createPrismaClient(connectionString);
  // Our own pool, so its idle connections are closed by us, and a connection the server
  // drops (a restart, a failover) is logged rather than crashing the process.
  const pgPool = new pg.Pool({ connectionString, max: concurrency + 2 });
  pgPool.on("error", (error) => console.error(`[worker] database connection lost: ${error.message}`));
  const runner: Runner = await run({
    pgPool,
    concurrency,
    taskList: createTaskList(db),
    crontab,
    // The process that started the worker owns the signals and stops it in order.
    noHandleSignals: true,
    pollInterval: 1000,
  });
  return {
    async stop() {
      await runner.stop();
      await pgPool.end();
      await db.$disconnect();
    },
  };
}
