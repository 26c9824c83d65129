// `npm run bench:incidents`: issue 3's benchmark. Seeds 100k incidents and 1M timeline
// events into a throwaway PostgreSQL, starts the production server from the existing build,
// times the incident list and incident pages, and the declare service's throughput.
// Last line: `incidents-bench list_p95_ms=<n> incident_p95_ms=<n> declare_per_s=<n>`.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { takeOverShutdownSignals } from "@/lib/db/embedded";
import { DEMO_PASSWORD, demoUsers, seedDemo } from "@/lib/demo/seed";
import { provideSetting } from "@/lib/env";
import { freePort } from "@/test/free-port";
import { measureDeclareRate } from "./incidents/declare-rate";
import { diagnoseIncident, diagnoseList } from "./incidents/diagnose";
import { measurePages } from "./incidents/pages";
import { EVENTS_PER_INCIDENT, seedIncidentHistory } from "./incidents/seed";
import { startBenchDatabase } from "./support/database";
import { formatMs } from "./support/latency";
import { launchBenchServer } from "./support/server";
import { signIn } from "./support/session";

const TARGETS = { listP95Ms: 150, incidentP95Ms: 100 };
const DECLARE_CONCURRENCY = 4;

const { values: args } = parseArgs({
  options: {
    incidents: { type: "string", default: "100000" },
    samples: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    "declare-seconds": { type: "string", default: "10" },
    "declare-limit": { type: "string", default: "1000" },
  },
});
function whole(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: expected a positive whole number, got "${args[name]}"`);
  return value;
}

const log = (line: string) => console.log(`[bench] ${line}`);
const since = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
// Other work on this machine shows up in the tail latencies; say how busy it was.
const load = () => `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`;

// Stopped in reverse order on success, failure or Ctrl-C; a later call waits for an earlier one.
const cleanups: (() => Promise<void>)[] = [];
let cleaning = Promise.resolve();
function cleanUp(): Promise<void> {
  cleaning = cleaning.then(async () => {
    while (cleanups.length > 0) await cleanups.pop()!().catch((error: unknown) => console.error(error));
  });
  return cleaning;
}
let interrupted = false;
/** Registers how to stop what was just started; after Ctrl-C, stops it and ends the run. */
async function own(stop: () => Promise<void>): Promise<void> {
  cleanups.push(stop);
  if (interrupted) {
    await cleanUp();
    throw new Error("Interrupted");
  }
}
// What to show when the run fails, beside the error.
const failureNotes: (() => string)[] = [];

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build in .next (BUILD_ID is missing): run `npm run build` first");
  const size = { incidents: whole("incidents"), samples: whole("samples"), warmup: whole("warmup") };
  const declaring = { concurrency: DECLARE_CONCURRENCY, seconds: whole("declare-seconds"), limit: whole("declare-limit") };
  takeOverShutdownSignals();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // Stopping the database and server makes the step in flight fail, and the run ends through its error path.
    process.once(signal, () => {
      interrupted = true;
      void cleanUp();
      setTimeout(() => process.exit(130), 30_000).unref();
    });
  }

  let started = performance.now();
  const database = await startBenchDatabase();
  await own(database.stop);
  const db = createPrismaClient(database.url);
  await own(() => db.$disconnect());
  await seedDemo(db, undefined, { history: false });
  log(`fresh embedded PostgreSQL, migrated, demo organisation (no demo history) in ${since(started)}`);

  started = performance.now();
  const seeded = await seedIncidentHistory(database.url, size.incidents, log);
  log(`seeded ${seeded.incidents} incidents, ${seeded.systemLinks} system links, ${seeded.events} timeline events in ${since(started)}`);
  log(`statuses: ${seeded.statuses}`);
  const sampled = await sampleIncidents(database.url, size.samples + size.warmup);

  started = performance.now();
  // Declaring pages people at once, and a page carries an acknowledge link signed with the
  // server's secret: this process declares too (the declare rate), so it holds the same one.
  const authSecret = randomBytes(32).toString("hex");
  provideSetting("AUTH_SECRET", authSecret);
  const server = launchBenchServer({ databaseUrl: database.url, authSecret, port: await freePort() });
  await own(server.stop);
  failureNotes.push(() => `--- last lines of the server's output ---\n${server.output()}`);
  await server.ready();
  const admin = demoUsers.find((user) => user.role === "admin")!;
  const cookie = await signIn(server.baseUrl, admin.email, DEMO_PASSWORD);
  log(`production server (existing build) up at ${server.baseUrl} in ${since(started)}; signed in as ${admin.email} via /api/auth/callback/credentials`);

  log(`${size.samples} sequential requests per row after ${size.warmup} warm-up; latency in ms to the last byte, CPU in ms per request; ${load()}`);
  const pages = await measurePages({ baseUrl: server.baseUrl, cookie, serverPid: server.pid, databasePid: database.pid }, sampled, size);
  log(`list pages, four rows pooled: p50 ${formatMs(pages.list.p50)}, p95 ${formatMs(pages.list.p95)} ms (target ≤ ${TARGETS.listP95Ms})`);
  log(`incident page: p50 ${formatMs(pages.incident.p50)}, p95 ${formatMs(pages.incident.p95)} ms (target ≤ ${TARGETS.incidentP95Ms}); ${load()}`);

  const declared = await measureDeclareRate(db, { ...declaring, databasePid: database.pid });
  log(
    `declareIncident (service call, no HTTP) at concurrency ${DECLARE_CONCURRENCY}: ${declared.declared} in ${declared.seconds.toFixed(1)} s = ` +
      `${declared.perSecond.toFixed(1)}/s; per call p50 ${formatMs(declared.latency.p50)}, p95 ${formatMs(declared.latency.p95)} ms; ` +
      `CPU per declaration ${formatMs(declared.cpu.service)} ms here, ${formatMs(declared.cpu.database)} ms in PostgreSQL; ${load()}`,
  );

  if (pages.list.p95 > TARGETS.listP95Ms) {
    log(`list p95 misses its target; the list's database work:`);
    await diagnoseList(database.url, pages.listSearches);
  }
  if (pages.incident.p95 > TARGETS.incidentP95Ms) {
    log(`incident page p95 misses its target; the incident's database work:`);
    await diagnoseIncident(database.url, sampled[0]!.id);
  }

  await cleanUp();
  console.log(`incidents-bench list_p95_ms=${Math.round(pages.list.p95)} incident_p95_ms=${Math.round(pages.incident.p95)} declare_per_s=${Math.round(declared.perSecond)}`);
}

/** Incidents spread over the whole history, each with its full timeline. */
async function sampleIncidents(url: string, howMany: number): Promise<{ id: string; number: number }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; number: number; events: string }>(
      `SELECT i.id, i."number", (SELECT count(*) FROM "IncidentEvent" e WHERE e."incidentId" = i.id) AS events
       FROM "Incident" i ORDER BY random() LIMIT $1`,
      [howMany],
    );
    if (rows.length < howMany || rows.some((row) => Number(row.events) !== EVENTS_PER_INCIDENT)) throw new Error("Could not sample seeded incidents");
    return rows;
  } finally {
    await client.end();
  }
}

main().catch(async (error: unknown) => {
  if (interrupted) {
    console.error("[bench] interrupted; stopped the server and the database");
  } else {
    console.error(error);
    for (const note of failureNotes) console.error(note());
  }
  await cleanUp();
  process.exit(interrupted ? 130 : 1);
});
