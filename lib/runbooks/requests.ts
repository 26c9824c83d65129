import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import { aRole, hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/timeline/audit";
import { enqueue, removeJob } from "@/lib/jobs/enqueue";
import { runbookTimeline, type RunbookEventKind } from "./events";
import { runbookRunJob, runJobKey, runQueueName } from "./jobs";
import { FIREBREAK, type Actor } from "@/lib/timeline/actor";
import { publishChange } from "@/lib/live/publish";
import { pageApprovers } from "./approval-pages";
import { dataDir, prepareLaunch, type RunActor, type RunRequest } from "./launch";
import { resolveSteps } from "./resolve";


/** Queues a run: one job per run, one run at a time per runbook. */
export async function enqueueRun(tx: Tx, run: { id: string; runbookKey: string }) {
  await enqueue(tx, runbookRunJob, { runId: run.id }, { jobKey: runJobKey(run.id), queueName: runQueueName(run.runbookKey) });
}

/** A change to a run: its audit entry, its incident's timeline when it has one, and the live notice. */
export async function recordRunChange(
  tx: Tx,
  run: { id: string; incidentId: string | null; runbook: { key: string; title: string } },
  change: { kind: RunbookEventKind; actor: Actor | null; body?: string; data?: Prisma.InputJsonObject; at: Date },
) {
  const data = { runId: run.id, runbook: run.runbook.key, title: run.runbook.title, ...change.data };
  if (run.incidentId) {
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: run.incidentId }, select: { id: true, number: true } });
    await runbookTimeline.record(tx, { incident, actor: change.actor ?? FIREBREAK, kind: change.kind, body: change.body, data, at: change.at });
  } else {
    await recordAudit(tx, {
      actor: change.actor ?? FIREBREAK,
      action: change.kind.replace("runbook_", "runbook."),
      targetType: "runbook_run",
      targetId: run.id,
      data,
    });
  }
  await publishChange(tx, { topic: "run", id: run.id });
}

/** A run is for an incident, or part of a DR drill (drill mode: not a recovery), or neither; never both. */
export interface RunRequestContext extends RunRequest {
  drillRunId?: string | null;
}

async function checkRunContext(tx: Tx, request: RunRequestContext) {
  if (request.incidentId && request.drillRunId) throw new DomainError("A run is either for an incident or part of a drill, not both.");
  if (request.incidentId && (await tx.incident.count({ where: { id: request.incidentId } })) === 0) throw new DomainError("That incident does not exist.");
  if (request.drillRunId && (await tx.drillRun.count({ where: { id: request.drillRunId } })) === 0) throw new DomainError("That drill run does not exist.");
}

/**
 * Requests a run of a configured runbook: parameters checked against its own rules, the role it
 * names, and (for a destructive one) a wait for a second person's approval. The run keeps the
 * exact definition and parameters, which are what is approved and what runs.
 */
export async function requestRun(db: Db, request: RunRequestContext, actor: RunActor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const found = await tx.runbook.findUnique({ where: { key: request.runbookKey } });
    const { definition, parameters } = prepareLaunch(found, request, actor);
    const runbook = found!;
    await checkRunContext(tx, request);
    const drillRunId = request.drillRunId ?? null;
    const steps = resolveSteps(definition, parameters, { dataDir: dataDir() });
    const run = await tx.runbookRun.create({
      data: {
        runbookId: runbook.id,
        definitionHash: runbook.definitionHash,
        definition: runbook.definition as Prisma.InputJsonValue,
        parameters,
        incidentId: request.incidentId ?? null,
        drillRunId,
        status: runbook.destructive ? "awaiting_approval" : "queued",
        requestedById: actor.id,
        requestedAt: now,
        steps: { create: steps.map((step) => ({ position: step.position, name: step.name, kind: step.kind })) },
      },
      select: { id: true, status: true, incidentId: true },
    });
    const subject = { ...run, runbook };
    await recordRunChange(tx, subject, {
      kind: "runbook_requested",
      actor,
      body: runbook.destructive ? `${runbook.title} (destructive: waits for a second commander's approval)` : runbook.title,
      data: { parameters, destructive: runbook.destructive, ...(drillRunId && { drillRunId }) },
      at: now,
    });
    if (run.status === "queued") await enqueueRun(tx, { id: run.id, runbookKey: runbook.key });
    else await pageApprovers(tx, { id: run.id, incidentId: run.incidentId, requestedById: actor.id, title: runbook.title, requestedBy: actor.name ?? actor.email }, now);
    return { id: run.id, status: run.status };
  });
}

async function lockRun(tx: Tx, runId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RunbookRun" WHERE id = ${runId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("That run does not exist.");
  return tx.runbookRun.findUniqueOrThrow({
    where: { id: runId },
    select: {
      id: true, status: true, incidentId: true, requestedById: true, definitionHash: true,
      runbook: { select: { key: true, title: true, definitionHash: true, retiredAt: true, role: true } },
    },
  });
}

/** A second commander or admin approves a destructive run: exactly the runbook version and parameters requested. */
export async function approveRun(db: Db, runId: string, actor: RunActor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (run.status !== "awaiting_approval") throw new DomainError(`This run is ${run.status.replace("_", " ")}; there is nothing to approve.`);
    if (run.requestedById === actor.id) throw new DomainError("You requested this run: another commander or admin must approve it.");
    if (run.runbook.retiredAt || run.runbook.definitionHash !== run.definitionHash) {
      throw new DomainError("The runbook has changed since this run was requested; reject it and request it again.");
    }
    // Both people must hold the runbook's own role now, not only when it was requested.
    if (!hasRole(actor.role, run.runbook.role)) throw new DomainError(`${run.runbook.title} needs ${aRole(run.runbook.role)} to approve it.`);
    const requester = run.requestedById ? await tx.user.findUnique({ where: { id: run.requestedById }, select: { role: true, disabledAt: true } }) : null;
    if (!requester || requester.disabledAt || !hasRole(requester.role, run.runbook.role)) {
      throw new DomainError(`Whoever requested this run may no longer run ${run.runbook.title}; reject it.`);
    }
    await tx.runbookRun.update({ where: { id: run.id }, data: { status: "queued", approvedById: actor.id, approvedAt: now } });
    await recordRunChange(tx, run, { kind: "runbook_approved", actor, body: run.runbook.title, at: now });
    await enqueueRun(tx, { id: run.id, runbookKey: run.runbook.key });
  });
}

export async function rejectRun(db: Db, runId: string, actor: RunActor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (run.status !== "awaiting_approval") throw new DomainError(`This run is ${run.status.replace("_", " ")}; there is nothing to reject.`);
    await tx.runbookRun.update({ where: { id: run.id }, data: { status: "rejected", rejectedById: actor.id, rejectedAt: now, finishedAt: now } });
    await recordRunChange(tx, run, { kind: "runbook_rejected", actor, body: run.runbook.title, at: now });
  });
}

/** Stops a run: one that has not started never will; a running one is ended by its worker, process group and all. */
export async function cancelRun(db: Db, runId: string, actor: RunActor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (run.status === "awaiting_approval" || run.status === "queued") {
      await removeJob(tx, runJobKey(run.id));
      await tx.runbookRun.update({ where: { id: run.id }, data: { status: "cancelled", cancelledById: actor.id, cancelRequestedAt: now, finishedAt: now } });
      await tx.runbookStep.updateMany({ where: { runId: run.id }, data: { status: "skipped" } });
      await recordRunChange(tx, run, { kind: "runbook_finished", actor, body: `${run.runbook.title}: cancelled before it started`, data: { status: "cancelled" }, at: now });
      return;
    }
    if (run.status !== "running") throw new DomainError(`This run is ${run.status.replace("_", " ")}; it cannot be cancelled.`);
    await tx.runbookRun.update({ where: { id: run.id }, data: { cancelRequestedAt: now, cancelledById: actor.id } });
    await publishChange(tx, { topic: "run", id: run.id });
  });
}
