// `npm run bench:chaos`: paging through faults, on this machine. A fresh PostgreSQL of its own that
// can be stopped and crashed, two web servers behind a small load balancer, two workers, the
// provider sandbox as its own process; a steady load all along (Alertmanager posts alternating
// between the web servers, SMS acknowledgements through the sandbox, a live-update client, a
// long demo runbook run); a baseline, then one fault after another while pages are in flight:
// a worker SIGKILLed mid fan-out, a web server SIGKILLed, PostgreSQL stopped, PostgreSQL
// crashed, the provider failing then hanging, both cores saturated. Then judged from the database
// and the sandbox's own records.
// Last line: `chaos-bench lost=<n> duplicates=<n> in_flight_at_kill=<n> recovery_p99_s=<n> escalation_late_p99_ms=<n> alerts_lost=<n> alert_duplicates=<n> runbook_double_runs=<n>`.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { provideSetting } from "@/lib/env";
import { requestRun } from "@/lib/runbooks/requests";
import { freePort } from "@/test/free-port";
import { startRestartablePostgres } from "@/test/restartable-postgres";
import { spawnWorker, type WorkerProcess } from "@/test/worker-process";
import { AckLoad } from "./chaos/ack-load";
import { AlertLoad } from "./chaos/alert-load";
import { startBalancer } from "./chaos/balancer";
import { failProvider, killWeb, killWorker, saturateCores, stopDatabase, type ChaosStack, type FaultOutcome, type SaturationOutcome } from "./chaos/faults";
import { LiveClient } from "./chaos/live-client";
import { pendingHandedOver, TransactionWatch } from "./chaos/measure";
import { startCoreBurners, startSandboxProcess } from "./chaos/processes";
import { judgeAlerts, judgeEscalations, judgePages, judgeRuns } from "./chaos/verdict";
import { BENCH_PASSWORD, seedChaosWorld } from "./chaos/world";
import { Teardown } from "./paging/teardown";
import { formatMs } from "./support/latency";
import { percentiles, type Percentiles } from "./support/percentiles";
import { launchBenchServer, type BenchServer } from "./support/server";
import { signIn } from "./support/session";
import { loadAverage, log, positiveWhole } from "./support/cli";

const TARGETS = { recoveryS: 30, baselineLateMs: 1000, afterOutageLateMs: 5000 };
const FAULTS = ["worker", "web", "pg-stop", "pg-crash", "provider", "saturate"] as const;
type Fault = (typeof FAULTS)[number];
const LONG_RUNBOOK = "demo-long-check";

const { values: args } = parseArgs({
  options: {
    crowd: { type: "string", default: "500" },
    "fan-out": { type: "string", default: "200" },
    baseline: { type: "string", default: "75" },
    down: { type: "string", default: "10" },
    "provider-errors": { type: "string", default: "60" },
    "provider-hang": { type: "string", default: "30" },
    saturate: { type: "string", default: "60" },
    "long-run": { type: "string", default: "300" },
    faults: { type: "string", default: FAULTS.join(",") },
  },
});
const whole = (name: keyof typeof args & string) => positiveWhole(args, name);

const describe = (stats: Percentiles) => (stats.count === 0 ? "none" : `${stats.count} steps, p50 ${formatMs(stats.p50)}, p99 ${formatMs(stats.p99)}, max ${formatMs(stats.max)} ms`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const teardown = new Teardown();
const failureNotes: (() => string)[] = [];

async function main() {
  const size = {
    crowd: whole("crowd"),
    fanOut: whole("fan-out"),
    baselineS: whole("baseline"),
    downS: whole("down"),
    providerErrorS: whole("provider-errors"),
    providerHangS: whole("provider-hang"),
    saturateS: whole("saturate"),
    longRunS: whole("long-run"),
  };
  if (size.longRunS > 600) throw new Error("--long-run: the demo runbook waits at most 600 s");
  const chosen = new Set(args.faults.split(",").map((name) => name.trim()));
  const unknown = [...chosen].filter((name) => !FAULTS.includes(name as Fault));
  if (unknown.length > 0) throw new Error(`--faults: unknown ${unknown.join(", ")}; choose from ${FAULTS.join(", ")}`);
  const strikes = (fault: Fault) => chosen.has(fault);
  teardown.takeOverSignals();
  log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${loadAverage()}`);

  const postgres = await startRestartablePostgres("firebreak_chaos");
  await teardown.own(postgres.destroy);
  const db = createPrismaClient(postgres.url);
  await teardown.own(() => db.$disconnect());
  const world = await seedChaosWorld(db, size.crowd);
  log(`fresh PostgreSQL on port ${postgres.port}; ${world.crowd} people in the crowd, a team escalating every minute`);

  // Pages carry acknowledge links signed in one process and checked in another: one secret for all.
  const authSecret = randomBytes(32).toString("hex");
  provideSetting("AUTH_SECRET", authSecret);
  const ports = [await freePort(), await freePort()];
  const balancer = await startBalancer(ports.map((port) => `http://127.0.0.1:${port}`));
  await teardown.own(balancer.stop);
  const sandbox = await startSandboxProcess(balancer.url);
  await teardown.own(sandbox.stop);
  const providers = { ...(await sandbox.env()) };
  const shared = { PUBLIC_URL: balancer.url, ...providers };

  const webs: BenchServer[] = [];
  const launchWeb = (index: number) => {
    const web = launchBenchServer({ databaseUrl: postgres.url, authSecret, port: ports[index]!, env: shared });
    webs[index] = web;
    return web;
  };
  for (const index of [0, 1]) {
    launchWeb(index);
    failureNotes.push(() => `--- last lines of web server ${index + 1} ---\n${webs[index]!.output()}`);
  }
  await teardown.own(() => Promise.all(webs.map((web) => web.stop())).then(() => undefined));
  await Promise.all(webs.map((web) => web.ready()));

  // The long demo runbook lists a backup archive at its end; the workers get one of their own.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "firebreak-chaos-data-"));
  await teardown.own(() => rm(dataDir, { recursive: true, force: true }));
  await mkdir(path.join(dataDir, "demo", "backups"), { recursive: true });
  await copyFile("config/demo/chain-data-latest.tar.gz", path.join(dataDir, "demo", "backups", "chain-data-latest.tar.gz"));
  const workerEnv = { DATABASE_URL: postgres.url, AUTH_SECRET: authSecret, FIREBREAK_DEMO: "false", DATA_DIR: dataDir, WORKER_CONCURRENCY: "10", ...shared };
  const workers: WorkerProcess[] = [];
  const spawn = (index: number) => (workers[index] = spawnWorker(workerEnv));
  for (const index of [0, 1]) {
    spawn(index);
    failureNotes.push(() => `--- last lines of worker ${index + 1} ---\n${workers[index]!.output()}`);
  }
  await teardown.own(() => Promise.all(workers.map((worker) => worker.stop())).then(() => undefined));
  await Promise.all(workers.map((worker) => worker.ready(120_000)));
  log(`web ${webs.map((web) => web.baseUrl).join(" and ")} behind ${balancer.url}; workers pid ${workers.map((worker) => worker.pid).join(" and ")}; sandbox ${sandbox.url}; ${loadAverage()}`);

  // Straight to the web servers, the first one first: it is the one killed, so the stream must move.
  const live = new LiveClient(webs.map((web) => web.baseUrl), await signIn(balancer.url, world.viewerEmail, BENCH_PASSWORD));
  const alerts = new AlertLoad(webs.map((web) => `${web.baseUrl}/api/webhooks/alertmanager`), world.alertToken);
  const acks = new AckLoad(db, sandbox, world.systemId, world.stepPhones[0]!);
  const transactions = new TransactionWatch(db);
  live.start();
  alerts.start();
  acks.start();
  transactions.start();
  await teardown.own(async () => {
    await Promise.all([alerts.stop(0), acks.stop(0), live.stop(), transactions.stop()]);
  });

  const runActor = { id: world.commander.id, email: world.commander.email, role: "commander" as const };
  const longRun = await requestRun(db, { runbookKey: LONG_RUNBOOK, parameters: { seconds: size.longRunS } }, runActor);
  const runbookWorkerPid = async () => {
    const [row] = await db.$queryRaw<{ pid: number }[]>`
      SELECT h.pid FROM graphile_worker.jobs j JOIN "WorkerHeartbeat" h ON j.locked_by = ANY (h."workerIds")
       WHERE j.key = ${`runbook-run:${longRun.id}`} AND j.locked_by IS NOT NULL`;
    return row?.pid ?? null;
  };
  for (const deadline = performance.now() + 60_000; (await db.runbookRun.findUniqueOrThrow({ where: { id: longRun.id } })).status !== "running"; ) {
    if (performance.now() > deadline) throw new Error("the long runbook run did not start within 60 s");
    await sleep(200);
  }
  log(`load running: an Alertmanager post every 0.5 s (a new alert every 3 s), an SMS ACK every 4 s, a live-update client; ` +
    `"${LONG_RUNBOOK}" running for ${size.longRunS} s (worker pid ${await runbookWorkerPid()})`);

  log(`baseline: ${size.baselineS} s without faults, so escalation steps fall due in calm; ${loadAverage()}`);
  await sleep(size.baselineS * 1000);

  const stack: ChaosStack = {
    db,
    world,
    postgres,
    sandbox,
    webs,
    relaunchWeb: launchWeb,
    workers,
    respawnWorker: spawn,
    runbookWorkerPid,
  };
  const faults: FaultOutcome[] = [];
  const report = (fault: FaultOutcome) => {
    faults.push(fault);
    const seconds = ((fault.end.getTime() - fault.start.getTime()) / 1000).toFixed(1);
    log(`${fault.name}: ${fault.detail}; ${fault.inFlight} provider calls in flight as it struck; ${seconds} s until back; ` +
      `every page pending then handed over ${fault.recoveryS.toFixed(1)} s after (target ≤ ${TARGETS.recoveryS}); ${loadAverage()}`);
  };
  const handedFirst = Math.floor(Math.min(size.fanOut, size.crowd) / 4);
  if (strikes("worker")) report(await killWorker(stack, { downSeconds: size.downS, killAfterPages: Math.min(150, size.crowd) }));
  if (strikes("web")) report(await killWeb(stack, { downSeconds: size.downS, killAfterPages: handedFirst }));
  // A second run of the same runbook, asked for while the long one runs: it must wait its turn.
  const secondRun = await requestRun(db, { runbookKey: LONG_RUNBOOK, parameters: { seconds: 5 } }, runActor);
  if (strikes("pg-stop")) report(await stopDatabase(stack, { downSeconds: size.downS, killAfterPages: handedFirst, crash: false }));
  if (strikes("pg-crash")) report(await stopDatabase(stack, { downSeconds: size.downS, killAfterPages: handedFirst, crash: true }));
  if (strikes("provider")) report(await failProvider(stack, { errorSeconds: size.providerErrorS, hangSeconds: size.providerHangS, killAfterPages: handedFirst }));
  if (strikes("saturate")) {
    const saturation = await saturateCores(stack, { seconds: size.saturateS, saturate: () => startCoreBurners(os.availableParallelism()), transactions });
    report(saturation);
  }

  log(`faults over; stopping the load and letting everything settle; ${loadAverage()}`);
  await Promise.all([alerts.stop(120_000), acks.stop(120_000)]);
  // Escalations go on paging after the load stops: pages queued up to now are judged, once handed over.
  const cutoff = new Date();
  await pendingHandedOver(db, cutoff, performance.now());
  for (const deadline = performance.now() + (size.longRunS + 180) * 1000; ; ) {
    const runs = await db.runbookRun.findMany({ where: { id: { in: [longRun.id, secondRun.id] } }, select: { status: true } });
    if (runs.every((run) => !["queued", "running"].includes(run.status))) break;
    if (performance.now() > deadline) throw new Error("the runbook runs did not end");
    await sleep(1000);
  }
  await sleep(2_000);
  await Promise.all([live.stop(), transactions.stop()]);

  const pages = await judgePages(db, await sandbox.messages({ provider: "twilio" }), cutoff);
  const alertVerdict = await judgeAlerts(db, alerts.alerts.values());
  const runs = await judgeRuns(db, longRun.id);
  const escalations = await judgeEscalations(db, faults, TARGETS.baselineLateMs);
  const stats = await sandbox.stats();
  const acked = acks.acks.filter((ack) => ack.acceptedAt !== undefined);
  const ackedInDb = await db.incident.count({ where: { number: { in: acked.map((ack) => ack.incidentNumber) }, acknowledgedAt: { not: null } } });
  const retried = alerts.posts.filter((post) => post.attempts > 1).length;
  // Under saturation slower is fine, refused is not: a declaration, a post or an SMS reply turned away counts.
  const saturation = faults.find((fault): fault is SaturationOutcome => fault.kind === "saturation");
  const within = (at: number) => saturation !== undefined && at >= saturation.start.getTime() && at <= saturation.end.getTime();
  const refusedUnderLoad = saturation
    ? saturation.declarationsRefused +
      alerts.posts.filter((post) => post.attempts > 1 && within(post.sentAt)).length +
      acks.acks.reduce((sum, ack) => sum + ack.refusals.filter((refusal) => within(refusal.at)).length, 0)
    : 0;

  log(`pages: ${pages.pages} (${Object.entries(pages.byStatus).map(([status, count]) => `${count} ${status}`).join(", ")}); the provider accepted ${stats.twilio.accepted}, ` +
    `refused ${Object.entries(stats.twilio.refused).map(([status, count]) => `${count} × ${status}`).join(", ") || "none"}, held ${stats.twilio.hung} unanswered`);
  log(`  lost ${pages.lost}${pages.lostExamples.length ? ` (${pages.lostExamples.join("; ")})` : ""}; received twice ${pages.duplicates}; sends a killed worker had in flight ${pages.inFlightAtKill}`);
  log(`alerts: ${alertVerdict.sent} opened over ${alerts.posts.length} posts (${retried} needed another try), lost ${alertVerdict.lost}, duplicated ${alertVerdict.duplicates}`);
  log(`SMS ACKs: ${acked.length} of ${acks.acks.length} taken (${acks.acks.reduce((sum, ack) => sum + ack.refusals.length, 0)} replies refused on the way, during outages, and sent again); ${ackedInDb} incidents acknowledged by them`);
  log(`escalation steps, late against due: in the baseline ${describe(escalations.baseline)} (target p99 ≤ ${TARGETS.baselineLateMs})`);
  log(`  due while PostgreSQL was away, late against its return: ${describe(escalations.afterOutage)} (target ≤ ${TARGETS.afterOutageLateMs})`);
  log(`  due during the other faults: ${describe(escalations.duringOtherFaults)}; under saturation: ${describe(escalations.duringSaturation)}`);
  log(`  due between faults: ${describe(escalations.betweenFaults)}; the latest ${escalations.worstBetween ?? "none"}`);
  if (saturation) {
    log(`under saturation: ${saturation.declarations - saturation.declarationsRefused} of ${saturation.declarations} declarations taken; ` +
      `${refusedUnderLoad} declarations, Alertmanager posts and SMS replies refused in all; the oldest writing transaction seen was ${formatMs(saturation.longestTransactionMs)} ms old`);
  }
  log(`runbook: the long run ${runs.longRunStatus}${runs.notes.length ? `; ${runs.notes.join("; ")}` : ", started once, alone"}`);
  const heard = faults.map((fault) => ({ fault: fault.name, after: live.heardAfter(fault.end) }));
  log(`live stream: ${live.connects.length} connections, ${live.messages.length} messages; after each fault's end, the first change heard ` +
    heard.map(({ fault, after }) => `${fault} ${after === undefined ? "never" : `${after.toFixed(1)} s`}`).join(", "));
  const liveMissed = heard.filter(({ after }) => after === undefined).length;
  for (const [index, worker] of workers.entries()) {
    const said = worker.linesMatching(/slot stopped|released jobs|could not/);
    if (said.length > 0) log(`worker ${index + 1} said: ${said.slice(0, 5).join(" | ")}${said.length > 5 ? ` (and ${said.length - 5} more)` : ""}`);
  }

  await teardown.run();
  const recovery = percentiles(faults.map((fault) => fault.recoveryS));
  const failed =
    pages.lost > 0 || alertVerdict.lost > 0 || alertVerdict.duplicates > 0 || runs.doubleRuns > 0 || pages.duplicates > pages.inFlightAtKill || liveMissed > 0 || ackedInDb < acked.length || refusedUnderLoad > 0;
  if (failed) process.exitCode = 1;
  console.log(
    `chaos-bench lost=${pages.lost} duplicates=${pages.duplicates} in_flight_at_kill=${pages.inFlightAtKill} recovery_p99_s=${recovery.p99.toFixed(1)} ` +
      `escalation_late_p99_ms=${formatMs(escalations.all.p99)} alerts_lost=${alertVerdict.lost} alert_duplicates=${alertVerdict.duplicates} runbook_double_runs=${runs.doubleRuns}`,
  );
}

if (!existsSync(".next/BUILD_ID")) {
  console.error("[bench] No production build in .next (BUILD_ID is missing): run npm run build first");
  process.exit(1);
}
teardown.runMain(main, failureNotes);
