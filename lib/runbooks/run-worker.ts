import { databaseOutage, isDatabaseUnavailable, untilDatabaseAnswers } from "@/lib/db/availability";
import type { Db, Tx } from "@/lib/db/client";
import type { RunStatus, StepStatus } from "@/lib/db/generated/client";
import { CHANGES_CHANNEL } from "@/lib/live/publish";
import { runbookDatabases } from "./databases";
import { executeStep, missingCommands } from "./execute";
import type { StepOutcome } from "./execute";
import { secretRedactor, firebreakSecrets } from "./redact";
import { dataDir, storedDefinition } from "./launch";
import { enqueue } from "@/lib/jobs/enqueue";
import { runbookRunJob, runJobKey, runQueueName } from "./jobs";
import { recordRunChange } from "./requests";
import { resolveSteps } from "./resolve";

const HEARTBEAT_MS = 2_000;
const FLUSH_MS = 250;
/** A run whose worker has not beaten this long is taken as abandoned. */
export const RUN_SILENT_AFTER_MS = 30_000;
/** A run that must wait (its runbook busy, or its job taken from a worker that may live) looks again after this long. */
const RECHECK_MS = 5_000;

type Stream = "stdout" | "stderr" | "info";

/** Tells browsers following the run that it changed (outside a transaction: at once). */
const noticeRunChanged = (db: Db, runId: string) => db.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ topic: "run", id: runId })})`;

/** Buffers a step's output and writes it every quarter second, with a live notice, so a chatty step costs few writes. */
function outputWriter(db: Db, runId: string) {
  let pending: { position: number; stream: Stream; text: string }[] = [];
  let flushing = Promise.resolve();
  const flush = () => {
    if (pending.length === 0) return flushing;
    const batch = pending;
    pending = [];
    flushing = flushing.then(async () => {
      try {
        await db.runOutput.createMany({ data: batch.map((chunk) => ({ runId, ...chunk })) });
      } catch (error) {
        // Kept for the next flush: a database outage delays output, it does not lose it.
        pending = [...batch, ...pending];
        throw error;
      }
      await noticeRunChanged(db, runId);
    });
    return flushing;
  };
  const timer = setInterval(() => void flush().catch((error: Error) => report(error, "output not saved yet")), FLUSH_MS);
  return {
    write: (position: number, stream: Stream, text: string) => pending.push({ position, stream, text }),
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** A database outage is said once every few seconds with the rest of it; anything else at once. */
function report(error: Error, what: string) {
  if (isDatabaseUnavailable(error)) databaseOutage.failed(error);
  else console.error(`[runbook] ${what}: ${error.message}`);
}

// Runs in progress in this process: a worker that shuts down stops them rather than leave their processes behind.
const inProgress = new Map<string, () => void>();

/** Ends every run this process is running (their process groups too); they finish as cancelled. */
export function stopRunsInProgress(): void {
  for (const stop of inProgress.values()) stop();
}

const runStatusOf = (step: StepOutcome["status"]): RunStatus => (step === "succeeded" ? "succeeded" : step);

/**
 * The runbook-run job: the steps one after another, each with its status, output, exit code and
 * duration; a cancel or the run's timeout ends the step in progress (its whole process group).
 * A run found already "running" was started by a worker taken for dead: while the run's own
 * heartbeat goes on, that worker lives and the job looks again later; once it is silent, the run is
 * marked failed-unknown, never run a second time, since a recovery action half done must be looked
 * at by a person. One run of a runbook at a time, whatever happened to the job queue's locks.
 */
export async function executeRun(db: Db, runId: string) {
  const started = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ runbookId: string }[]>`SELECT "runbookId" FROM "RunbookRun" WHERE id = ${runId}::uuid FOR UPDATE`;
    if (!locked) return null;
    // Serialises the starts of one runbook's runs.
    await tx.$queryRaw`SELECT id FROM "Runbook" WHERE id = ${locked.runbookId}::uuid FOR UPDATE`;
    const run = await tx.runbookRun.findUniqueOrThrow({
      where: { id: runId },
      select: { id: true, status: true, heartbeatAt: true, incidentId: true, definition: true, parameters: true, runbook: { select: { key: true, title: true } } },
    });
    const now = new Date();
    if (run.status === "running") {
      if (beatsSince(run.heartbeatAt, now)) await lookAgainLater(tx, run, now);
      else await abandonRun(tx, run, now);
      return null;
    }
    if (run.status !== "queued") return null;
    const busy = await tx.runbookRun.findFirst({ where: { runbookId: locked.runbookId, status: "running", id: { not: run.id } }, select: { id: true } });
    if (busy) {
      await lookAgainLater(tx, run, now);
      return null;
    }
    await tx.runbookRun.update({ where: { id: run.id }, data: { status: "running", startedAt: now, heartbeatAt: now } });
    await recordRunChange(tx, run, { kind: "runbook_started", actor: null, body: run.runbook.title, at: now });
    return run;
  });
  if (!started) return;

  const definition = storedDefinition(started.definition);
  const steps = resolveSteps(definition, started.parameters as Record<string, string | number>, { dataDir: dataDir() });
  const controller = new AbortController();
  let ending: "cancelled" | "timed_out" | "shutdown" | null = null;
  inProgress.set(runId, () => {
    ending = "shutdown";
    controller.abort();
  });
  const runTimer = setTimeout(() => {
    ending = "timed_out";
    controller.abort();
  }, definition.timeout * 1000);
  // Proof of life, and the way a cancel from the browser reaches this process.
  const heartbeat = setInterval(() => {
    void db.runbookRun
      .update({ where: { id: runId }, data: { heartbeatAt: new Date() }, select: { cancelRequestedAt: true } })
      .then((run) => {
        if (run.cancelRequestedAt && !controller.signal.aborted) {
          ending = "cancelled";
          controller.abort();
        }
      })
      .catch((error: Error) => report(error, "heartbeat failed"));
  }, HEARTBEAT_MS);
  const output = outputWriter(db, runId);
  // What a step did is known only here until written: it waits out a database outage (not a shutdown).
  const record = <T>(write: () => Promise<T>) => untilDatabaseAnswers(write, { giveUp: () => ending === "shutdown" });
  const redact = secretRedactor(firebreakSecrets());
  let final: RunStatus = "succeeded";
  let error: string | null = null;
  try {
    // A runbook adapted for other machines (docker-compose, besu …) fails here, plainly, before it changes anything.
    const missing = await missingCommands(definition.requires);
    if (missing.length > 0) {
      final = "failed";
      error = `This worker lacks what the runbook needs: ${missing.join(", ")}`;
      output.write(0, "info", `${error}\n`);
    }
    for (const step of final === "failed" ? [] : steps) {
      if (controller.signal.aborted) break;
      const stepStarted = new Date();
      // Said at once: a step that prints nothing would otherwise show "pending" until it ends.
      await record(async () => {
        await db.runbookStep.update({ where: { runId_position: { runId, position: step.position } }, data: { status: "running", startedAt: stepStarted } });
        await noticeRunChanged(db, runId);
      });
      const outcome: StepOutcome = await executeStep(step, {
        signal: controller.signal,
        onOutput: (stream, text) => output.write(step.position, stream, text),
        redact,
        databases: runbookDatabases(),
      }).catch((caught: unknown) => ({ status: "failed" as const, exitCode: null, result: null, error: caught instanceof Error ? caught.message : String(caught) }));
      const status: StepStatus = outcome.status === "cancelled" && ending === "timed_out" ? "timed_out" : outcome.status;
      await output.flush().catch(() => undefined);
      await record(() => db.$transaction(async (tx) => {
        const finishedAt = new Date();
        await tx.runbookStep.update({
          where: { runId_position: { runId, position: step.position } },
          data: { status, finishedAt, exitCode: outcome.exitCode, result: outcome.result, error: outcome.error },
        });
        await recordRunChange(tx, started, {
          kind: "runbook_step",
          actor: null,
          body: `${step.name}: ${status.replace("_", " ")}${outcome.error ? ` (${outcome.error})` : ""}`,
          data: { step: step.name, position: step.position, status, exitCode: outcome.exitCode, durationMs: finishedAt.getTime() - stepStarted.getTime() },
          at: finishedAt,
        });
      }));
      if (status !== "succeeded") {
        final = runStatusOf(status as StepOutcome["status"]);
        error = outcome.error ?? `${step.name} ${status.replace("_", " ")}`;
        break;
      }
    }
    if (ending === "shutdown") {
      final = "cancelled";
      error = "Stopped because the worker shut down";
    } else if (final === "succeeded" && ending) {
      final = ending;
      error = ending === "timed_out" ? "The run's time limit passed" : "Cancelled";
    }
  } finally {
    inProgress.delete(runId);
    clearTimeout(runTimer);
    clearInterval(heartbeat);
    await output.close().catch(() => undefined);
  }
  await record(() => finishRun(db, started, final, error));
}

async function finishRun(db: Db, run: { id: string; incidentId: string | null; runbook: { key: string; title: string } }, status: RunStatus, error: string | null) {
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.runbookStep.updateMany({ where: { runId: run.id, status: "pending" }, data: { status: "skipped" } });
    await tx.runbookRun.update({ where: { id: run.id }, data: { status, finishedAt: now, error } });
    await recordRunChange(tx, run, {
      kind: "runbook_finished",
      actor: null,
      body: `${run.runbook.title}: ${status.replace("_", " ")}${error ? ` (${error})` : ""}`,
      data: { status },
      at: now,
    });
  });
}

const beatsSince = (heartbeatAt: Date | null, now: Date) => heartbeatAt !== null && now.getTime() - heartbeatAt.getTime() < RUN_SILENT_AFTER_MS;

/** The run's job again in a few seconds, in its runbook's queue; the job running now then ends. */
async function lookAgainLater(tx: Tx, run: { id: string; runbook: { key: string } }, now: Date) {
  await enqueue(tx, runbookRunJob, { runId: run.id }, { jobKey: runJobKey(run.id), queueName: runQueueName(run.runbook.key), runAt: new Date(now.getTime() + RECHECK_MS) });
}

/** A run whose worker stopped mid-way: what the step in progress did is unknown. */
async function abandonRun(tx: Tx, run: { id: string; incidentId: string | null; runbook: { key: string; title: string } }, now: Date) {
  await tx.runbookStep.updateMany({ where: { runId: run.id, status: "running" }, data: { status: "failed", finishedAt: now, error: "The worker running this step stopped" } });
  await tx.runbookStep.updateMany({ where: { runId: run.id, status: "pending" }, data: { status: "skipped" } });
  await tx.runbookRun.update({ where: { id: run.id }, data: { status: "failed_unknown", finishedAt: now, error: "The worker running it stopped; check what the step in progress did" } });
  await recordRunChange(tx, run, { kind: "runbook_finished", actor: null, body: `${run.runbook.title}: failed (worker stopped, outcome unknown)`, data: { status: "failed_unknown" }, at: now });
}

/**
 * Runs silent for longer than RUN_SILENT_AFTER_MS whose job no worker holds: failed-unknown. Run
 * every minute. A run whose job is still held is left to that job: after a database outage the
 * sweep can come before the run's next heartbeat, and a held job means a worker judged alive.
 */
export async function sweepAbandonedRuns(db: Db, now = new Date()) {
  const silentSince = new Date(now.getTime() - RUN_SILENT_AFTER_MS);
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "RunbookRun" r
     WHERE r.status = 'running' AND r."heartbeatAt" < ${silentSince}
       AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = ${runbookRunJob.name} || ':' || r.id AND j.locked_at IS NOT NULL)`;
  for (const { id } of stale) {
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "RunbookRun" WHERE id = ${id}::uuid FOR UPDATE`;
      const run = await tx.runbookRun.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, heartbeatAt: true, incidentId: true, runbook: { select: { key: true, title: true } } } });
      if (run.status !== "running" || beatsSince(run.heartbeatAt, now)) return;
      await abandonRun(tx, run, now);
    });
  }
  return stale.length;
}
