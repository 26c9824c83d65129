import { run, type Runner } from "graphile-worker";
import { createPrismaClient } from "@/lib/db/client";
import { createTaskList, crontab } from "./tasks";

export interface Worker {
  stop(): Promise<void>;
}

export async function startWorker(connectionString: string, concurrency: number): Promise<Worker> {
  const db = createPrismaClient(connectionString);
  const runner: Runner = await run({
    connectionString,
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
      await db.$disconnect();
    },
  };
}
