import type { Db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import type { RestartablePostgres } from "@/test/restartable-postgres";
import type { SandboxClient } from "@/test/sandbox";
import type { WorkerProcess } from "@/test/worker-process";
import type { BenchServer } from "../support/server";
import { describePending, pendingHandedOver, sendsInFlight } from "./measure";
import type { FaultWindow } from "./verdict";
import type { ChaosWorld } from "./world";

// The faults, one after another, each struck while a fan-out is being handed to the provider.
// Each returns its window (when it started and when what it broke was back) and how long the
// pages pending at that moment then took to be handed over.

export interface FaultOutcome extends FaultWindow {
  /** Provider calls under way when it struck (both workers). */
  inFlight: number;
  /** Seconds from its end until every page queued before then was handed over. */
  recoveryS: number;
  detail: string;
}

export interface ChaosStack {
  db: Db;
  world: ChaosWorld;
  postgres: RestartablePostgres;
  sandbox: SandboxClient;
  webs: BenchServer[];
  relaunchWeb(index: number): BenchServer;
  workers: WorkerProcess[];
  respawnWorker(index: number): WorkerProcess;
  /** The worker process running the long runbook, which is spared so the run can be judged. */
  runbookWorkerPid(): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let fanOuts = 0;

/** Declares an incident paging the first `people` of the crowd and waits until the provider has `handed` of its pages. */
async function fanOutInFlight(stack: ChaosStack, handed: number): Promise<void> {
  fanOuts += 1;
  const incident = await declareIncident(
    stack.db,
    { title: `Chaos fan-out ${fanOuts}`, severityId: stack.world.crowdSeverityId, systemIds: [stack.world.crowdSystemId], impact: "Chaos bench fan-out", description: "" },
    stack.world.commander,
  );
  for (const deadline = performance.now() + 120_000; ; ) {
    const sent = await stack.db.page.count({ where: { incidentId: incident.id, status: { in: ["sent", "delivered"] } } });
    if (sent >= handed) return;
    if (performance.now() > deadline) throw new Error(`fan-out ${fanOuts}: only ${sent} of ${handed} pages handed over in 120 s`);
    await sleep(20);
  }
}

async function finish(stack: ChaosStack, window: FaultWindow, inFlight: number, detail: string, endedAt: number): Promise<FaultOutcome> {
  const pendingAtEnd = await describePending(stack.db);
  const recoveryS = await pendingHandedOver(stack.db, window.end, endedAt);
  return { ...window, inFlight, recoveryS, detail: `${detail}; at its end ${pendingAtEnd}` };
}

export async function killWorker(stack: ChaosStack, options: { downSeconds: number; killAfterPages: number }): Promise<FaultOutcome> {
  await fanOutInFlight(stack, options.killAfterPages);
  const spared = await stack.runbookWorkerPid();
  const index = stack.workers.findIndex((worker) => worker.pid !== spared);
  const victim = stack.workers[index]!;
  const start = new Date();
  await victim.kill();
  const inFlight = await sendsInFlight(stack.db);
  const [held] = await stack.db.$queryRaw<{ sends: number; jobs: number }[]>`
    SELECT count(*) FILTER (WHERE j.task_identifier = 'paging-send')::int AS sends, count(*)::int AS jobs
      FROM graphile_worker.jobs j JOIN "WorkerHeartbeat" h ON j.locked_by = ANY (h."workerIds") WHERE h.pid = ${victim.pid}`;
  await sleep(options.downSeconds * 1000);
  const restarted = stack.respawnWorker(index);
  await restarted.ready(120_000);
  const endedAt = performance.now();
  const detail =
    `worker pid ${victim.pid}${spared === null ? "" : ` (not ${spared}, which runs the long runbook)`} SIGKILLed ${options.killAfterPages} pages into a fan-out, ` +
    `holding ${held?.jobs ?? 0} jobs (${held?.sends ?? 0} page sends); restarted ${options.downSeconds} s later`;
  return finish(stack, { name: "worker SIGKILL", kind: "other", start, end: new Date() }, inFlight, detail, endedAt);
}

export async function killWeb(stack: ChaosStack, options: { downSeconds: number; killAfterPages: number }): Promise<FaultOutcome> {
  await fanOutInFlight(stack, options.killAfterPages);
  const start = new Date();
  await stack.webs[0]!.kill();
  const inFlight = await sendsInFlight(stack.db);
  await sleep(options.downSeconds * 1000);
  await stack.relaunchWeb(0).ready();
  const endedAt = performance.now();
  return finish(stack, { name: "web server SIGKILL", kind: "other", start, end: new Date() }, inFlight, `web server 1 SIGKILLed, started again ${options.downSeconds} s later`, endedAt);
}

export async function stopDatabase(stack: ChaosStack, options: { downSeconds: number; killAfterPages: number; crash: boolean }): Promise<FaultOutcome> {
  await fanOutInFlight(stack, options.killAfterPages);
  const inFlight = await sendsInFlight(stack.db);
  const start = new Date();
  if (options.crash) await stack.postgres.crash();
  else await stack.postgres.stop();
  await sleep(options.downSeconds * 1000);
  await stack.postgres.start();
  const endedAt = performance.now();
  const name = options.crash ? "PostgreSQL SIGKILL" : "PostgreSQL stop -m fast";
  const how = options.crash ? "postmaster SIGKILLed (crash recovery on start)" : "pg_ctl stop -m fast";
  return finish(stack, { name, kind: "database", start, end: new Date() }, inFlight, `${how}, started again ${options.downSeconds} s later`, endedAt);
}

export async function failProvider(stack: ChaosStack, options: { errorSeconds: number; hangSeconds: number; killAfterPages: number }): Promise<FaultOutcome> {
  await fanOutInFlight(stack, options.killAfterPages);
  const inFlight = await sendsInFlight(stack.db);
  const start = new Date();
  const half = options.errorSeconds / 2;
  await stack.sandbox.failFor({ status: 500, forSeconds: half });
  await sleep(half * 1000);
  await stack.sandbox.failFor({ status: 429, forSeconds: half, retryAfterSeconds: 1 });
  await sleep(half * 1000);
  await stack.sandbox.failFor({ mode: "hang", forSeconds: options.hangSeconds });
  await sleep(options.hangSeconds * 1000);
  const endedAt = performance.now();
  const detail = `provider answered 500 for ${half} s and 429 for ${half} s, then held requests unanswered for ${options.hangSeconds} s`;
  return finish(stack, { name: "provider outage", kind: "other", start, end: new Date() }, inFlight, detail, endedAt);
}

export interface SaturationOutcome extends FaultOutcome {
  declarations: number;
  declarationsRefused: number;
  /** The oldest writing transaction seen while both cores were busy. */
  longestTransactionMs: number;
}

/**
 * Both cores kept busy by other processes for a while: people declare incidents every two seconds
 * meanwhile (alerts and acknowledgements go on in the background). Slower is fine; refused is not.
 */
export async function saturateCores(
  stack: ChaosStack,
  options: { seconds: number; saturate: () => { stop(): Promise<void> }; transactions: { reset(): void; longest(): number } },
): Promise<SaturationOutcome> {
  const inFlight = await sendsInFlight(stack.db);
  const start = new Date();
  options.transactions.reset();
  const burners = options.saturate();
  let declarations = 0;
  let refused = 0;
  const until = performance.now() + options.seconds * 1000;
  const declaring: Promise<void>[] = [];
  while (performance.now() < until) {
    declarations += 1;
    declaring.push(
      declareIncident(
        stack.db,
        { title: `Chaos declared under load ${declarations}`, severityId: stack.world.alertSeverityId, systemIds: [stack.world.systemId], impact: "Declared while the cores are saturated", description: "" },
        stack.world.commander,
      ).then(
        () => undefined,
        (error: Error) => {
          refused += 1;
          console.error(`[bench] a declaration under load was refused: ${error.message.split("\n").at(-1)}`);
        },
      ),
    );
    await sleep(2_000);
  }
  await burners.stop();
  await Promise.all(declaring);
  const endedAt = performance.now();
  const longestTransactionMs = options.transactions.longest();
  const outcome = await finish(stack, { name: "saturated cores", kind: "saturation", start, end: new Date() }, inFlight, `every core busy for ${options.seconds} s`, endedAt);
  return { ...outcome, declarations, declarationsRefused: refused, longestTransactionMs };
}
