import { hasRole } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { startEscalations } from "@/lib/paging/escalation";
import { queuePagingStart } from "@/lib/paging/queued-start";
import { recordChange, type Actor } from "./record";
import type { DeclareInput } from "./schemas";

export const ACK_BREACH_TASK = "incident-ack-breach";
export const ackBreachJobKey = (incidentId: string) => `${ACK_BREACH_TASK}:${incidentId}`;

/**
 * Declares an incident: the incident, its commander, the first timeline event, the audit entry,
 * the breach timer and the first pages with their escalations (or the job that pages), in one transaction.
 */
export async function declareIncident(db: Db, input: DeclareInput, actor: Actor, now = new Date()) {
  return db.$transaction((tx) => declareIncidentIn(tx, input, actor, now));
}

export interface DeclareOptions {
  /** Who declared when `actor` is null (Firebreak itself: a stale backup, an Alertmanager alert), for the audit log. */
  actorLabel?: string;
  /** "queued": the first pages are sent by a job this transaction adds (see lib/paging/queued-start.ts). */
  paging?: "now" | "queued";
}

/**
 * The same, inside the caller's transaction. `actor` is null when Firebreak itself declares; the
 * incident then has a commander only if the input names one.
 */
export async function declareIncidentIn(tx: Tx, input: DeclareInput, actor: Actor | null, now = new Date(), { actorLabel, paging = "now" }: DeclareOptions = {}) {
  const severity = await tx.severityLevel.findUnique({ where: { id: input.severityId }, select: { id: true, key: true, responseTimeSeconds: true } });
  if (!severity) throw new DomainError("Some fields need attention.", { severityId: ["Choose one of the configured severities"] });

  const systems = await tx.system.findMany({ where: { id: { in: input.systemIds } }, select: { id: true, name: true } });
  if (systems.length !== new Set(input.systemIds).size) {
    throw new DomainError("Some fields need attention.", { systemIds: ["Choose systems from the catalogue"] });
  }

  const commanderId = input.commanderId ?? actor?.id ?? null;
  const commander = commanderId ? await tx.user.findUnique({ where: { id: commanderId }, select: { id: true, name: true, role: true, disabledAt: true } }) : null;
  if (commanderId && (!commander || commander.disabledAt || !hasRole(commander.role, "commander"))) {
    throw new DomainError("Some fields need attention.", { commanderId: ["The incident commander must be an active commander or admin"] });
  }

  const ackDueAt = new Date(now.getTime() + severity.responseTimeSeconds * 1000);
  const incident = await tx.incident.create({
    data: {
      title: input.title,
      severityId: severity.id,
      impact: input.impact,
      description: input.description,
      commanderId: commander?.id ?? null,
      declaredById: actor?.id ?? null,
      declaredAt: now,
      ackDueAt,
      createdAt: now,
      systems: { create: systems.map((system) => ({ systemId: system.id })) },
      roles: commander ? { create: { role: "commander", userId: commander.id, assignedById: actor?.id ?? null, assignedAt: now } } : undefined,
    },
    select: { id: true, number: true },
  });
  await recordChange(tx, {
    incident,
    actor,
    actorLabel,
    kind: "declared",
    body: input.impact,
    // Who declared, when it is not a user ("Alertmanager"), for the timeline to name.
    data: { severity: severity.key, systems: systems.map((system) => system.name), commander: commander?.name ?? null, ...(actor || !actorLabel ? {} : { by: actorLabel }) },
    at: now,
  });
  await enqueueJob(tx, ACK_BREACH_TASK, { incidentId: incident.id }, { runAt: ackDueAt, jobKey: ackBreachJobKey(incident.id) });
  if (paging === "queued") await queuePagingStart(tx, incident.id);
  else await startEscalations(tx, incident, severity.id, systems.map((system) => system.id), now);
  return incident;
}
