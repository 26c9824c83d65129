import { startWorker, type Worker } from "@/lib/jobs/worker";
import { shareProvidersAmong } from "@/lib/paging/delivery/send-limits";
import { stopRunsInProgress } from "@/lib/runbooks/run-worker";
import { firebreakTasks } from "./tasks";

/**
 * Firebreak's worker: every domain's tasks; runbook processes are told to stop first when it stops;
 * the providers' account limits shared with the other worker processes alive.
 */
export const startFirebreakWorker = (connectionString: string, concurrency: number): Promise<Worker> =>
  startWorker(connectionString, { tasks: firebreakTasks, concurrency, beforeStop: stopRunsInProgress, onLiveWorkers: shareProvidersAmong });
