// `npm run bench:paging`: how fast a declared incident reaches the provider, with the worker and
// the web server as separate processes and the provider sandbox in this process (one clock for
// commit and receipt). Commit-to-provider latency over sequential declarations next to the raw
// floor (INSERT + NOTIFY + one loopback request), fan-out of one incident to many people (with a
// provider that answers at once, then with one that takes 150 ms a request, as Twilio and SendGrid
// do), and a worker SIGKILLed in the middle of a fan-out and restarted.
// Last line: `paging-bench p50_ms=<n> p99_ms=<n> floor_p50_ms=<n> fanout500_ms=<n> fanout500_latency150_ms=<n> kill_recovery_s=<n> duplicates=<n>`.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { provideSetting } from "@/lib/env";
import { PAGES_PER_SEND_JOB } from "@/lib/paging/jobs";
import { freePort } from "@/test/free-port";
import { startSandbox } from "@/test/sandbox";
import { measureFanOut } from "./paging/fanout";
import { startFloorProbe } from "./paging/floor";
import { measureKillRecovery } from "./paging/kill";
import { explainLatency, measureLatency } from "./paging/latency";
import { checkOutcome, describeOutcome } from "./paging/outcome";
import { ReceiptLog } from "./paging/receipts";
import { percentiles } from "./support/percentiles";
import { Teardown } from "./paging/teardown";
import { spawnWorker, type WorkerProcess } from "@/test/worker-process";
import { seedPagingWorld } from "./paging/world";
import { startBenchDatabase } from "./support/database";
import { formatMs } from "./support/latency";
import { launchBenchServer } from "./support/server";
import { loadAverage, log, positiveWhole } from "./support/cli";

const TARGETS = { p50Ms: 20, p99Ms: 100, fanOutMs: 2000, recoveryS: 30 };

const { values: args } = parseArgs({
  options: {
    samples: { type: "string", default: "200" },
    warmup: { type: "string", default: "10" },
    people: { type: "string", default: "500" },
    concurrency: { type: "string", default: "10" },
    "provider-latency": { type: "string", default: "150" },
    "kill-at": { type: "string", default: "150" },
    "recovery-timeout": { type: "string", default: "120" },
  },
});
const whole = (name: keyof typeof args & string) => positiveWhole(args, name);

const teardown = new Teardown();
const failureNotes: (() => string)[] = [];

async function main() {
  const size = { samples: whole("samples"), warmup: whole("warmup"), people: whole("people"), concurrency: whole("concurrency"), providerLatencyMs: whole("provider-latency") };
  const kill = { killAt: whole("kill-at"), timeoutMs: whole("recovery-timeout") * 1000 };
  if (kill.killAt >= size.people) throw new Error(`--kill-at: must be below --people (${size.people})`);
  teardown.takeOverSignals();
  log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${loadAverage()}`);

  const database = await startBenchDatabase();
  await teardown.own(database.stop);
  const db = createPrismaClient(database.url);
  await teardown.own(() => db.$disconnect());
  // Pages carry acknowledge links signed in the declaring process; web and worker must check them with the same key.
  const authSecret = randomBytes(32).toString("hex");
  provideSetting("AUTH_SECRET", authSecret);
  const world = await seedPagingWorld(db, size.people);
  log(`fresh PostgreSQL; ${world.people} people taking SMS only, one severity paging one of them, one paging all`);

  const receipts = new ReceiptLog();
  const webPort = await freePort();
  const sandbox = await startSandbox({ autoCallbacks: false, target: `http://127.0.0.1:${webPort}`, log: receipts.onSandboxLine });
  await teardown.own(sandbox.stop);
  const web = launchBenchServer({ databaseUrl: database.url, authSecret, port: webPort });
  await teardown.own(web.stop);
  failureNotes.push(() => `--- last lines of the web server's output ---\n${web.output()}`);
  await web.ready();

  const workerEnv = {
    DATABASE_URL: database.url,
    AUTH_SECRET: authSecret,
    PUBLIC_URL: web.baseUrl,
    WORKER_CONCURRENCY: String(size.concurrency),
    FIREBREAK_DEMO: "false",
    ...sandbox.settings,
  };
  let worker: WorkerProcess = spawnWorker(workerEnv);
  await teardown.own(() => worker.stop());
  failureNotes.push(() => `--- last lines of the worker's output ---\n${worker.output()}`);
  await worker.ready();
  log(`sandbox in this process at ${sandbox.url} (no automatic callbacks); web ${web.baseUrl}; worker pid ${worker.pid}, concurrency ${size.concurrency}`);

  const floor = await startFloorProbe(database.url, sandbox.settings, receipts);
  await teardown.own(floor.stop);
  const { samples, floorMs } = await measureLatency(db, world, receipts, floor, size);
  const latency = await explainLatency(db, samples);
  const floorStats = percentiles(floorMs);
  log(`commit → provider, ${samples.length} sequential declarations paging one person (after ${size.warmup} untimed): ` +
    `p50 ${formatMs(latency.total.p50)}, p99 ${formatMs(latency.total.p99)}, max ${formatMs(latency.total.max)} ms (targets ≤ ${TARGETS.p50Ms} / ≤ ${TARGETS.p99Ms})`);
  log(`  of which commit → worker claims the page (NOTIFY, job fetch, page lock): p50 ${formatMs(latency.toClaim.p50)}, p99 ${formatMs(latency.toClaim.p99)} ms`);
  log(`  and claim → provider receives it (claim commit, Twilio SDK request): p50 ${formatMs(latency.claimToProvider.p50)}, p99 ${formatMs(latency.claimToProvider.p99)} ms (ms-precision wall clock)`);
  log(`floor (INSERT + NOTIFY + one loopback POST), ${floorStats.count} samples interleaved: min ${formatMs(floorStats.min)}, p50 ${formatMs(floorStats.p50)}, p99 ${formatMs(floorStats.p99)}, max ${formatMs(floorStats.max)} ms; ${loadAverage()}`);
  // The commit's acknowledgement and the listener's notification race; under load the acknowledgement can lose by a few ms.
  if (floorStats.min < 0) log(`  (below zero: the request reached the sandbox before this process saw its COMMIT acknowledged; t0 trails the commit that much)`);

  const fanOut = await measureFanOut(db, world, receipts, { worker: worker.pid, database: database.pid });
  const fanOutOutcome = await checkOutcome(db, sandbox, fanOut.incidentId, fanOut.pageIds);
  log(`fan-out to ${world.people} people: declare transaction ${formatMs(fanOut.declareMs)} ms; commit → first page ${formatMs(fanOut.firstMs)} ms, ` +
    `→ all ${world.people} handed over ${formatMs(fanOut.allMs)} ms (${Math.round(world.people / (fanOut.allMs / 1000))} pages/s; target ≤ ${TARGETS.fanOutMs}); ${loadAverage()}`);
  log(`  per page: worker's claim → provider p50 ${formatMs(fanOut.claimToProvider.p50)}, p99 ${formatMs(fanOut.claimToProvider.p99)} ms; ` +
    `provider → outcome written p50 ${formatMs(fanOut.providerToRecorded.p50)}, p99 ${formatMs(fanOut.providerToRecorded.p99)} ms; ` +
    `${fanOut.meanInFlight.toFixed(1)} sends in flight on average (${size.concurrency} send jobs of up to ${PAGES_PER_SEND_JOB} pages at once)`);
  log(`  CPU per page: worker ${formatMs(fanOut.cpuPerPage.worker)} ms, PostgreSQL ${formatMs(fanOut.cpuPerPage.database)} ms, sandbox ${formatMs(fanOut.cpuPerPage.sandbox)} ms`);
  log(`  ${describeOutcome(fanOutOutcome)}`);

  // The same at a real provider's pace: every request answered after providerLatencyMs.
  await sandbox.configure({ responseDelayMs: size.providerLatencyMs });
  const slowFanOut = await measureFanOut(db, world, receipts, { worker: worker.pid, database: database.pid });
  await sandbox.configure({ responseDelayMs: 0 });
  const slowOutcome = await checkOutcome(db, sandbox, slowFanOut.incidentId, slowFanOut.pageIds);
  log(`fan-out to ${world.people} people with a provider answering after ${size.providerLatencyMs} ms: commit → first page ${formatMs(slowFanOut.firstMs)} ms, ` +
    `→ all handed over ${formatMs(slowFanOut.allMs)} ms (${Math.round(world.people / (slowFanOut.allMs / 1000))} pages/s; target ≤ ${TARGETS.fanOutMs}); ` +
    `${slowFanOut.meanInFlight.toFixed(1)} sends in flight on average; ${loadAverage()}`);
  log(`  ${describeOutcome(slowOutcome)}`);

  const killed = await measureKillRecovery(db, world, receipts, { current: () => worker, restart: () => (worker = spawnWorker(workerEnv)) }, kill);
  const killOutcome = await checkOutcome(db, sandbox, killed.incidentId, killed.pageIds);
  const released = killed.releasedAfterKillMs === undefined ? "never said it released any job" : `released the dead worker's jobs ${(killed.releasedAfterKillMs / 1000).toFixed(1)} s after the kill`;
  log(`worker SIGKILLed ${formatMs(killed.killedAfterMs)} ms into a ${world.people}-page fan-out, after ${killed.handedBeforeKill} pages were handed over, ` +
    `holding ${killed.lockedByDeadWorker} send job(s); restarted at once: running after ${(killed.restartToReadyMs / 1000).toFixed(1)} s, ${released}`);
  log(`  after the restart: the provider had every page at ${(killed.allReceivedMs / 1000).toFixed(1)} s; every page "sent" and no send job left at ` +
    `${(killed.recoveryMs / 1000).toFixed(1)} s (target ≤ ${TARGETS.recoveryS} s)`);
  log(`  ${describeOutcome(killOutcome)}; ${loadAverage()}`);

  await teardown.run();
  console.log(
    `paging-bench p50_ms=${formatMs(latency.total.p50)} p99_ms=${formatMs(latency.total.p99)} floor_p50_ms=${formatMs(floorStats.p50)} ` +
      `fanout${world.people}_ms=${Math.round(fanOut.allMs)} fanout${world.people}_latency${size.providerLatencyMs}_ms=${Math.round(slowFanOut.allMs)} kill_recovery_s=${(killed.recoveryMs / 1000).toFixed(1)} duplicates=${killOutcome.duplicates}`,
  );
}

if (!existsSync(".next/BUILD_ID")) {
  console.error("[bench] No production build in .next (BUILD_ID is missing): run npm run build first");
  process.exit(1);
}
teardown.runMain(main, failureNotes);
