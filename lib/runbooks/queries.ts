import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { incidentReference } from "@/lib/timeline/incident";
import { dataDir, storedDefinition } from "./launch";
import type { RunPreview } from "./preview";
import { ParameterError, resolveSteps } from "./resolve";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The configured runbooks with their latest run, for the runbooks page and the incident's launcher. */
export async function listRunbooks(db: Db) {
  const runbooks = await db.runbook.findMany({
    where: { retiredAt: null },
    select: {
      id: true, key: true, title: true, systemKey: true, description: true, destructive: true, role: true, requires: true, definition: true,
      runs: { select: { id: true, status: true, requestedAt: true }, orderBy: { requestedAt: "desc" }, take: 1 },
    },
    orderBy: { title: "asc" },
  });
  return runbooks.map(({ definition, runs, ...runbook }) => {
    const parsed = storedDefinition(definition);
    return {
      ...runbook,
      timeoutSeconds: parsed.timeout,
      parameters: parsed.parameters,
      stepCount: parsed.steps.length,
      lastRun: runs[0] ? { id: runs[0].id, status: runs[0].status, requestedAt: iso(runs[0].requestedAt) } : null,
    };
  });
}
export type RunbookSummary = Awaited<ReturnType<typeof listRunbooks>>[number];

/** One runbook with its definition and its runs, newest first. */
export async function getRunbook(db: Db, key: string) {
  const runbook = (await listRunbooks(db)).find((candidate) => candidate.key === key);
  if (!runbook) return null;
  const found = await db.runbook.findUniqueOrThrow({ where: { key }, select: { definition: true } });
  return { ...runbook, definition: storedDefinition(found.definition), runs: await listRuns(db, { runbookId: runbook.id }) };
}

async function userNames(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((user) => [user.id, user.name]));
}

/** Runs, newest first: of one runbook, or launched from one incident. */
export async function listRuns(db: Db, where: { runbookId?: string; incidentId?: string }, take = 50) {
  const runs = await db.runbookRun.findMany({
    where,
    select: {
      id: true, status: true, parameters: true, requestedAt: true, startedAt: true, finishedAt: true, requestedById: true, approvedById: true,
      runbook: { select: { key: true, title: true, destructive: true } },
      incident: { select: { id: true, number: true } },
    },
    orderBy: { requestedAt: "desc" },
    take,
  });
  const names = await userNames(db, runs.flatMap((run) => [run.requestedById, run.approvedById]));
  return runs.map((run) => ({
    id: run.id,
    status: run.status,
    parameters: run.parameters as Record<string, string | number>,
    runbook: run.runbook,
    incident: run.incident ? { id: run.incident.id, reference: incidentReference(run.incident.number) } : null,
    requestedBy: run.requestedById ? (names.get(run.requestedById) ?? null) : null,
    approvedBy: run.approvedById ? (names.get(run.approvedById) ?? null) : null,
    requestedAt: iso(run.requestedAt)!,
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
  }));
}
export type RunSummary = Awaited<ReturnType<typeof listRuns>>[number];

/**
 * Every step exactly as it runs: what an approver approves. Null for a run whose stored parameters
 * (or definition) a later version's rules refuse; its page still shows, and the worker refuses it too.
 */
function planOf(runbook: { key: string; title: string; destructive: boolean }, stored: Prisma.JsonValue, parameters: Record<string, string | number>): RunPreview | null {
  try {
    const definition = storedDefinition(stored);
    const steps = resolveSteps(definition, parameters, { dataDir: dataDir() });
    return { runbookKey: runbook.key, title: runbook.title, destructive: runbook.destructive, parameters, steps, timeoutSeconds: definition.timeout };
  } catch (error) {
    if (error instanceof ParameterError || error instanceof z.ZodError) return null;
    throw error;
  }
}

/** A run with its steps and all its output, for the run page (live). */
export async function getRun(db: Db, runId: string) {
  const run = await db.runbookRun.findUnique({
    where: { id: runId },
    select: {
      id: true, status: true, parameters: true, definition: true, definitionHash: true, error: true, requestedById: true, approvedById: true, rejectedById: true, cancelledById: true,
      requestedAt: true, approvedAt: true, rejectedAt: true, startedAt: true, finishedAt: true, cancelRequestedAt: true,
      runbook: { select: { key: true, title: true, destructive: true, role: true, definitionHash: true } },
      incident: { select: { id: true, number: true, title: true } },
      drillRun: { select: { id: true, schedule: { select: { key: true } } } },
      steps: { select: { position: true, name: true, kind: true, status: true, startedAt: true, finishedAt: true, exitCode: true, result: true, error: true }, orderBy: { position: "asc" } },
      output: { select: { id: true, position: true, stream: true, text: true, at: true }, orderBy: { id: "asc" } },
    },
  });
  if (!run) return null;
  const names = await userNames(db, [run.requestedById, run.approvedById, run.rejectedById, run.cancelledById]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const parameters = run.parameters as Record<string, string | number>;
  return {
    id: run.id,
    status: run.status,
    parameters,
    plan: planOf(run.runbook, run.definition, parameters),
    error: run.error,
    runbook: { key: run.runbook.key, title: run.runbook.title, destructive: run.runbook.destructive, role: run.runbook.role },
    /** False when the runbook's configuration changed after this run was requested: it can no longer be approved. */
    currentVersion: run.runbook.definitionHash === run.definitionHash,
    incident: run.incident ? { id: run.incident.id, reference: incidentReference(run.incident.number), title: run.incident.title } : null,
    /** Set for a run launched in drill mode: a rehearsal, not a recovery. */
    drill: run.drillRun ? { id: run.drillRun.id, schedule: run.drillRun.schedule.key } : null,
    requestedById: run.requestedById,
    requestedBy: name(run.requestedById),
    approvedBy: name(run.approvedById),
    rejectedBy: name(run.rejectedById),
    cancelledBy: name(run.cancelledById),
    requestedAt: iso(run.requestedAt)!,
    approvedAt: iso(run.approvedAt),
    rejectedAt: iso(run.rejectedAt),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    cancelRequestedAt: iso(run.cancelRequestedAt),
    steps: run.steps.map((step) => ({ ...step, startedAt: iso(step.startedAt), finishedAt: iso(step.finishedAt) })),
    output: run.output.map((chunk) => ({ id: String(chunk.id), position: chunk.position, stream: chunk.stream, text: chunk.text, at: chunk.at.toISOString() })),
  };
}
export type RunDetail = NonNullable<Awaited<ReturnType<typeof getRun>>>;
