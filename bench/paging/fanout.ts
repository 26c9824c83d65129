import type { Db } from "@/lib/db/client";
import { processTreeCpuMs } from "../support/process-cpu";
import type { ReceiptLog } from "./receipts";
import { percentiles, type Percentiles } from "../support/percentiles";
import { declareBenchIncident, type PagingWorld } from "./world";

// One incident paging everyone: from the declare transaction's commit until the sandbox has
// accepted one request for every page, with what each page cost and where its time went.

export interface FanOut {
  incidentId: string;
  /** The declare transaction itself: incident, escalation, every page and its job. */
  declareMs: number;
  firstMs: number;
  allMs: number;
  pageIds: string[];
  /** CPU ms per page from the commit to the last receipt: the worker, PostgreSQL, this process (the sandbox). */
  cpuPerPage: { worker: number; database: number; sandbox: number };
  /** Per page: the worker's claim → the provider's receipt, and receipt → the outcome written. */
  claimToProvider: Percentiles;
  providerToRecorded: Percentiles;
  /** Sum of the pages' claim-to-outcome times over the wall time: how many sends were really in flight. */
  meanInFlight: number;
}

const FAN_OUT_TIMEOUT_MS = 120_000;
const wallClock = (at: number) => performance.timeOrigin + at;

export async function measureFanOut(db: Db, world: PagingWorld, receipts: ReceiptLog, pids: { worker: number; database: number }): Promise<FanOut> {
  const mark = receipts.count;
  const incident = await declareBenchIncident(db, world, "everyone", `Bench fan-out to ${world.people} people`);
  const before = { worker: processTreeCpuMs(pids.worker), database: processTreeCpuMs(pids.database), sandbox: process.cpuUsage() };
  await receipts.waitForCount(mark + world.people, FAN_OUT_TIMEOUT_MS);
  const sandboxCpu = process.cpuUsage(before.sandbox);
  const cpuPerPage = {
    worker: (processTreeCpuMs(pids.worker) - before.worker) / world.people,
    database: (processTreeCpuMs(pids.database) - before.database) / world.people,
    sandbox: (sandboxCpu.user + sandboxCpu.system) / 1000 / world.people,
  };
  const allMs = receipts.receipt(mark + world.people - 1).at - incident.committedAt;
  const pageIds = receipts.pageIdsSince(mark);

  const receivedAt = new Map(pageIds.map((id, index) => [id, wallClock(receipts.receipt(mark + index).at)]));
  // The outcome is written just after the last receipts; wait for it, briefly.
  const attempts = await waitForAttempts(db, incident.id, world.people);
  const claimToProvider = attempts.map((attempt) => receivedAt.get(attempt.pageId)! - attempt.startedAt.getTime());
  const providerToRecorded = attempts.map((attempt) => attempt.finishedAt!.getTime() - receivedAt.get(attempt.pageId)!);
  const busy = attempts.reduce((sum, attempt) => sum + (attempt.finishedAt!.getTime() - attempt.startedAt.getTime()), 0);
  return {
    incidentId: incident.id,
    declareMs: incident.declareMs,
    firstMs: receipts.receipt(mark).at - incident.committedAt,
    allMs,
    pageIds,
    cpuPerPage,
    claimToProvider: percentiles(claimToProvider),
    providerToRecorded: percentiles(providerToRecorded),
    meanInFlight: busy / allMs,
  };
}

async function waitForAttempts(db: Db, incidentId: string, pages: number) {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const attempts = await db.pageAttempt.findMany({
      where: { page: { incidentId }, number: 1, finishedAt: { not: null } },
      select: { pageId: true, startedAt: true, finishedAt: true },
    });
    if (attempts.length >= pages || performance.now() > deadline) return attempts;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
