import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { CHANGES_CHANNEL } from "@/lib/live/publish";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { declareIncident } from "@/lib/command/lifecycle";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { createRunbook } from "@/test/runbook-fixtures";
import { approveRun, cancelRun, rejectRun, requestRun } from "./requests";
import { recoveryOutcomes, runDurations } from "./metrics";
import { executeRun, sweepAbandonedRuns } from "./run-worker";

let world: IncidentWorld;
const actorOf = (user: IncidentWorld["users"]["commander"]) => ({ id: user.id, email: user.email, role: user.role });

const runbook = (definition: Record<string, unknown>) => createRunbook(db, definition);

const echo = {
  key: "echo-words",
  title: "Echo the words",
  role: "responder",
  timeout: "1 minute",
  parameters: { words: { type: "pattern", pattern: "^[a-z ;$()`-]{1,40}$" } },
  steps: [{ name: "Say it", command: ["printf", "%s\\n", "{{words}}"] }],
};

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

describe("a run", () => {
  it("runs its steps in the worker, keeps their output, and puts request, start, step and result on the incident's timeline", async () => {
    await runbook(echo);
    const incident = await declareIncident(
      db,
      { title: "Bridge relayer stalled", severityId: world.severities.high, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
      world.users.commander,
    );
    const run = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "hello; $(rm -rf x)" }, incidentId: incident.id }, actorOf(world.users.responder));
    expect(run.status).toBe("queued");
    await executeRun(db, run.id);

    const stored = await db.runbookRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: true, output: true } });
    expect(stored.status).toBe("succeeded");
    expect(stored.steps[0]).toMatchObject({ status: "succeeded", exitCode: 0 });
    // One inert argument: printed as it was typed, never run by a shell.
    expect(stored.output.map((chunk) => chunk.text).join("")).toContain("hello; $(rm -rf x)");
    const kinds = (await db.incidentEvent.findMany({ where: { incidentId: incident.id, kind: { startsWith: "runbook_" } }, orderBy: { id: "asc" } })).map((event) => event.kind);
    expect(kinds).toEqual(["runbook_requested", "runbook_started", "runbook_step", "runbook_finished"]);
    expect(await db.auditEntry.count({ where: { action: "incident.runbook_finished" } })).toBe(1);
  });

  it("tells browsers following the run once a step has started, even a step that prints nothing", async () => {
    await runbook({ ...echo, key: "quiet", parameters: {}, steps: [{ name: "Wait", command: ["sleep", "2"] }] });
    const run = await requestRun(db, { runbookKey: "quiet", parameters: {} }, actorOf(world.users.responder));
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    // What a browser refetching at each notice would read, read at once on the listening connection.
    // The run's start is announced before its first step starts: alone, it leaves a quick reader
    // seeing the step "pending" until the step ends.
    const seen: Promise<string>[] = [];
    let listening = true;
    listener.on("notification", (message) => {
      // Notices still arriving once the run is over are not this test's, and the client is closing.
      if (!listening || JSON.parse(message.payload ?? "{}").id !== run.id) return;
      seen.push(listener.query<{ status: string }>(`SELECT status FROM "RunbookStep" WHERE "runId" = $1`, [run.id]).then((result) => result.rows[0]!.status));
    });
    await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
    try {
      await executeRun(db, run.id);
      listening = false;
      expect(await Promise.all(seen)).toContain("running");
    } finally {
      listening = false;
      await listener.end();
    }
  });

  it("refuses parameters outside their rules, and a role below the runbook's, writing nothing", async () => {
    await runbook({ ...echo, key: "echo-commander", role: "commander" });
    await expect(requestRun(db, { runbookKey: "echo-words", parameters: { words: "--help" } }, actorOf(world.users.responder))).rejects.toThrow(DomainError);
    await runbook(echo);
    await expect(requestRun(db, { runbookKey: "echo-words", parameters: { words: "--help" } }, actorOf(world.users.responder))).rejects.toMatchObject({
      fieldErrors: { "parameters.words": [expect.stringContaining("-")] },
    });
    await expect(requestRun(db, { runbookKey: "echo-commander", parameters: { words: "hi" } }, actorOf(world.users.responder))).rejects.toThrow(/needs a commander/);
    expect(await db.runbookRun.count()).toBe(0);
  });
});

describe("a destructive run", () => {
  const wipe = { ...echo, key: "wipe", title: "Wipe", destructive: true, role: "commander" };

  it("waits for a second commander or admin; the requester cannot approve", async () => {
    await runbook(wipe);
    const run = await requestRun(db, { runbookKey: "wipe", parameters: { words: "now" } }, actorOf(world.users.commander));
    expect(run.status).toBe("awaiting_approval");
    await executeRun(db, run.id);
    expect((await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("awaiting_approval");

    await expect(approveRun(db, run.id, actorOf(world.users.commander))).rejects.toThrow(/another commander or admin must approve/);
    await approveRun(db, run.id, actorOf(world.users.admin));
    await executeRun(db, run.id);
    expect(await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded", approvedById: world.users.admin.id });
  });

  it("pages the possible approvers who are contacts, not the requester", async () => {
    await runbook(wipe);
    await db.contact.createMany({
      data: [
        { name: "Admin on call", email: world.users.admin.email, phone: "+15550109999", acceptsSms: true, acceptsEmail: false },
        { name: "The requester", email: world.users.commander.email, acceptsSms: false, acceptsEmail: true },
      ],
    });
    const incident = await declareIncident(
      db,
      { title: "Chain halted", severityId: world.severities.low, systemIds: [world.systems.bridge.id], impact: "No blocks", description: "" },
      world.users.commander,
    );
    const run = await requestRun(db, { runbookKey: "wipe", parameters: { words: "now" }, incidentId: incident.id }, actorOf(world.users.commander));
    const pages = await db.page.findMany({ where: { kind: "approval" } });
    expect(pages.map((page) => [page.recipient, page.channel])).toEqual([["+15550109999", "sms"]]);
    expect(pages[0]!.body).toContain(`/runbooks/runs/${run.id}`);
  });

  it("is approved only by someone holding the runbook's own role, for a requester who still holds it", async () => {
    await runbook({ ...wipe, key: "wipe-admin", role: "admin" });
    const asAdmin = await requestRun(db, { runbookKey: "wipe-admin", parameters: { words: "now" } }, actorOf(world.users.admin));
    await expect(approveRun(db, asAdmin.id, actorOf(world.users.commander))).rejects.toThrow("Wipe needs an admin to approve it.");

    await runbook(wipe);
    const run = await requestRun(db, { runbookKey: "wipe", parameters: { words: "now" } }, actorOf(world.users.commander));
    await db.user.update({ where: { id: world.users.commander.id }, data: { role: "responder" } });
    try {
      await expect(approveRun(db, run.id, actorOf(world.users.admin))).rejects.toThrow(/may no longer run Wipe/);
    } finally {
      await db.user.update({ where: { id: world.users.commander.id }, data: { role: "commander" } });
    }
    expect((await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("awaiting_approval");
  });

  it("is approved only for the runbook version it was requested with", async () => {
    const stored = await runbook(wipe);
    const run = await requestRun(db, { runbookKey: "wipe", parameters: { words: "now" } }, actorOf(world.users.commander));
    await db.runbook.update({ where: { id: stored.id }, data: { definitionHash: "changed" } });
    await expect(approveRun(db, run.id, actorOf(world.users.admin))).rejects.toThrow(/changed since this run was requested/);
    await rejectRun(db, run.id, actorOf(world.users.admin));
    expect((await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("rejected");
  });
});

describe("stopping a run", () => {
  const slow = { key: "slow", title: "Slow", role: "responder", timeout: "1 minute", steps: [{ name: "Wait", command: ["sleep", "30"] }] };

  it("cancels a running step, process and all", async () => {
    await runbook(slow);
    const run = await requestRun(db, { runbookKey: "slow", parameters: {} }, actorOf(world.users.responder));
    const running = executeRun(db, run.id);
    await expect.poll(async () => (await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).status, { timeout: 5000 }).toBe("running");
    const started = Date.now();
    await cancelRun(db, run.id, actorOf(world.users.commander));
    await running;
    expect(Date.now() - started).toBeLessThan(10_000);
    const stored = await db.runbookRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: true } });
    expect(stored.status).toBe("cancelled");
    expect(stored.steps[0]!.status).toBe("cancelled");
  });

  it("times a step out", async () => {
    await runbook({ ...slow, key: "slow-step", steps: [{ name: "Wait", command: ["sleep", "30"], timeout: "1 second" }] });
    const run = await requestRun(db, { runbookKey: "slow-step", parameters: {} }, actorOf(world.users.responder));
    await executeRun(db, run.id);
    const stored = await db.runbookRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: true } });
    expect(stored.status).toBe("timed_out");
    expect(stored.steps[0]!.status).toBe("timed_out");
  });

  it("marks a run whose worker died failed-unknown, and never runs it twice", async () => {
    await runbook(echo);
    const run = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "hi" } }, actorOf(world.users.responder));
    await db.runbookRun.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date(), heartbeatAt: new Date(Date.now() - 120_000) } });
    expect(await sweepAbandonedRuns(db)).toBe(1);
    expect((await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("failed_unknown");
    await executeRun(db, run.id);
    expect(await db.runOutput.count({ where: { runId: run.id } })).toBe(0);
  });
});

describe("a run's job taken by another worker", () => {
  const jobsOf = (runId: string) =>
    db.$queryRaw<{ run_at: Date; key: string | null }[]>`SELECT run_at, key FROM graphile_worker._private_jobs WHERE payload->>'runId' = ${runId} ORDER BY id`;

  it("leaves a run whose heartbeat goes on running, and looks again later", async () => {
    await runbook(echo);
    const run = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "hi" } }, actorOf(world.users.responder));
    await db.runbookRun.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date(), heartbeatAt: new Date(Date.now() - 10_000) } });
    await executeRun(db, run.id);
    expect((await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running");
    expect(await db.runOutput.count({ where: { runId: run.id } })).toBe(0);
    const jobs = await jobsOf(run.id);
    expect(jobs.at(-1)!.run_at.getTime()).toBeGreaterThan(Date.now());
    expect(await sweepAbandonedRuns(db)).toBe(0);
  });

  it("marks a run whose heartbeat stopped failed-unknown", async () => {
    await runbook(echo);
    const run = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "hi" } }, actorOf(world.users.responder));
    await db.runbookRun.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date(), heartbeatAt: new Date(Date.now() - 45_000) } });
    await executeRun(db, run.id);
    expect((await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("failed_unknown");
  });

  it("starts a second run of a runbook only once the first has ended, whatever the job queue's locks say", async () => {
    await runbook(echo);
    const first = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "one" } }, actorOf(world.users.responder));
    const second = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "two" } }, actorOf(world.users.responder));
    await db.runbookRun.update({ where: { id: first.id }, data: { status: "running", startedAt: new Date(), heartbeatAt: new Date() } });
    await executeRun(db, second.id);
    expect((await db.runbookRun.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("queued");
    expect((await jobsOf(second.id)).at(-1)!.run_at.getTime()).toBeGreaterThan(Date.now());

    await db.runbookRun.update({ where: { id: first.id }, data: { status: "succeeded", finishedAt: new Date() } });
    await executeRun(db, second.id);
    expect((await db.runbookRun.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("succeeded");
  });
});

describe("a runbook needing tools this worker lacks", () => {
  it("fails before its first step, saying which", async () => {
    await runbook({ ...echo, key: "needs-besu", requires: ["printf", "besu-not-installed-here"] });
    const run = await requestRun(db, { runbookKey: "needs-besu", parameters: { words: "hi" } }, actorOf(world.users.responder));
    await executeRun(db, run.id);
    const stored = await db.runbookRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: true } });
    expect(stored).toMatchObject({ status: "failed", error: expect.stringContaining("besu-not-installed-here") });
    expect(stored.steps.map((step) => step.status)).toEqual(["skipped"]);
  });
});

describe("recovery metrics", () => {
  it("count finished runs by runbook and result and sum their durations, from the database", async () => {
    await runbook(echo);
    await runbook({ key: "slow-step", title: "Slow", role: "responder", timeout: "1 minute", steps: [{ name: "Wait", command: ["sleep", "30"], timeout: "1 second" }] });
    for (const words of ["one", "two"]) {
      const run = await requestRun(db, { runbookKey: "echo-words", parameters: { words } }, actorOf(world.users.responder));
      await executeRun(db, run.id);
    }
    const slow = await requestRun(db, { runbookKey: "slow-step", parameters: {} }, actorOf(world.users.responder));
    await executeRun(db, slow.id);
    await requestRun(db, { runbookKey: "echo-words", parameters: { words: "queued" } }, actorOf(world.users.responder));

    expect(await recoveryOutcomes(db)).toEqual([
      { runbook: "echo-words", result: "success", count: 2 },
      { runbook: "slow-step", result: "timed_out", count: 1 },
    ]);
    const durations = await runDurations(db);
    expect(durations.map((row) => [row.runbook, row.count])).toEqual([["echo-words", 2], ["slow-step", 1]]);
    expect(durations.find((row) => row.runbook === "slow-step")!.sumSeconds).toBeGreaterThanOrEqual(1);
  });
});
