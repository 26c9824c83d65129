import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import { requestRun } from "@/lib/runbooks/requests";
import { seedIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { startRestartablePostgres, type RestartablePostgres } from "@/test/restartable-postgres";
import { createRunbook } from "@/test/runbook-fixtures";
import { startSandbox, type StartedSandbox } from "@/test/sandbox";
import { spawnWorker, type WorkerProcess } from "@/test/worker-process";

// Two worker processes on a PostgreSQL of their own, which is restarted under them. Before the
// heartbeat recorded its new backend after a reconnect, every worker took every other (and itself)
// for dead from then on and released their jobs while they ran: a run in progress became "failed
// (outcome unknown)" and a page being handed over could be sent twice.

const RELEASED = /released jobs locked by stopped workers/;
const RUN_SECONDS = 15;

let postgres: RestartablePostgres;
let db: Db;
let sandbox: StartedSandbox;
let world: IncidentWorld;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  postgres = await startRestartablePostgres();
  db = createPrismaClient(postgres.url);
  world = await seedIncidentWorld(db);
  sandbox = await startSandbox();
  // PUBLIC_URL: where Twilio would post its callbacks (none are sent here); a production start requires it beside a provider.
  const env = { DATABASE_URL: postgres.url, AUTH_SECRET: process.env.AUTH_SECRET!, FIREBREAK_DEMO: "false", WORKER_CONCURRENCY: "4", PUBLIC_URL: "http://127.0.0.1:9", ...sandbox.settings };
  workers.push(spawnWorker(env), spawnWorker(env));
  await Promise.all(workers.map((worker) => worker.ready(120_000)));
  // After the workers' start, which imports config/runbooks and retires any other runbook.
  await createRunbook(db, {
    key: "restart-check",
    title: "Outlives a database restart",
    role: "responder",
    timeout: "5 minutes",
    steps: [
      { name: "Wait", command: ["sleep", String(RUN_SECONDS)] },
      { name: "Say done", command: ["printf", "done\\n"] },
    ],
  });
}, 240_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await sandbox?.stop();
  await db?.$disconnect();
  await postgres?.destroy();
});

const responder = () => ({ id: world.users.responder.id, email: world.users.responder.email, role: world.users.responder.role });
const statusOf = async (runId: string) => (await db.runbookRun.findUniqueOrThrow({ where: { id: runId } })).status;

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, limitMs = 180_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

it("keeps every live worker's jobs through a PostgreSQL restart: a run in progress finishes, a page is sent once, nothing is released", async () => {
  const before = await requestRun(db, { runbookKey: "restart-check", parameters: {} }, responder());
  await waitFor("the first run to start", async () => (await statusOf(before.id)) === "running");

  await postgres.stop();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await postgres.start();

  // After the restart: a page for every contact the plan names, and a second run of the same runbook.
  const incident = await declareIncident(
    db,
    { title: "Bridge relayer stalled", severityId: world.severities.critical, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
    world.users.commander,
  );
  const after = await requestRun(db, { runbookKey: "restart-check", parameters: {} }, responder());

  const pages = await db.page.findMany({ where: { incidentId: incident.id }, select: { id: true } });
  expect(pages.length).toBeGreaterThan(0);
  await waitFor("every page handed over", async () => (await db.page.count({ where: { incidentId: incident.id, status: { notIn: ["sent", "delivered"] } } })) === 0);
  await waitFor("both runs to end", async () => !["queued", "running"].includes(await statusOf(before.id)) && !["queued", "running"].includes(await statusOf(after.id)));

  expect(await statusOf(before.id)).toBe("succeeded");
  expect(await statusOf(after.id)).toBe("succeeded");
  const runs = await db.runbookRun.findMany({ where: { id: { in: [before.id, after.id] } }, orderBy: { startedAt: "asc" }, select: { id: true, startedAt: true, finishedAt: true } });
  // One run of a runbook at a time: the second started after the first ended.
  expect(runs[1]!.startedAt!.getTime()).toBeGreaterThanOrEqual(runs[0]!.finishedAt!.getTime());

  for (const page of pages) {
    const accepted = (await sandbox.messages({ pageId: page.id })).filter((message) => message.providerId !== null);
    expect(accepted, `page ${page.id}`).toHaveLength(1);
  }
  for (const worker of workers) expect(worker.lineAt(RELEASED), worker.output()).toBeUndefined();
  // Both workers beat from connections the restarted server knows.
  const beats = await db.$queryRaw<{ alive: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = h."backendPid") AS alive FROM "WorkerHeartbeat" h`;
  expect(beats).toEqual([{ alive: true }, { alive: true }]);
}, 300_000);
