import { hasRole } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { incidentTimeline } from "./events";
import { ackBreachJob, ackBreachJobKey } from "./jobs";
import { tell, type IncidentListeners } from "./listeners";
import { FIREBREAK, isUser, type Actor, type SystemActor } from "@/lib/timeline/actor";
import type { DeclareInput } from "./schemas";


/**
 * Declares an incident: the incident, its commander, the first timeline event, the audit entry,
 * the breach timer and the first pages with their escalations (or the job that pages), in one transaction.
 */
export async function declareIncident(listeners: IncidentListeners, db: Db, input: DeclareInput, actor: Actor, now = new Date()) {
  return db.$transaction((tx) => declareIncidentIn(listeners, tx, input, actor, now));
}

export interface DeclareOptions {
  /** "queued": the first pages are sent by a job this transaction adds (see lib/paging/queued-start.ts). */
  paging?: "now" | "queued";
}

/**
 * The same, inside the caller's transaction. When Firebreak itself declares (a stale backup, an
 * Alertmanager alert), the incident has a commander only if the input names one.
 */
export async function declareIncidentIn(
  listeners: IncidentListeners,
  tx: Tx,
  input: DeclareInput,
  actor: Actor | SystemActor,
  now = new Date(),
  { paging = "now" }: DeclareOptions = {},
) {
  const user = isUser(actor) ? actor : null;
  const severity = await tx.severityLevel.findUnique({ where: { id: input.severityId }, select: { id: true, key: true, responseTimeSeconds: true } });
  if (!severity) throw new DomainError("Some fields need attention.", { severityId: ["Choose one of the configured severities"] });

  const systems = await tx.system.findMany({ where: { id: { in: input.systemIds } }, select: { id: true, name: true } });
  if (systems.length !== new Set(input.systemIds).size) {
    throw new DomainError("Some fields need attention.", { systemIds: ["Choose systems from the catalogue"] });
  }

  const commanderId = input.commanderId ?? user?.id ?? null;
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
      declaredById: user?.id ?? null,
      declaredAt: now,
      ackDueAt,
      createdAt: now,
      systems: { create: systems.map((system) => ({ systemId: system.id })) },
      roles: commander ? { create: { role: "commander", userId: commander.id, assignedById: user?.id ?? null, assignedAt: now } } : undefined,
    },
    select: { id: true, number: true },
  });
  await incidentTimeline.record(tx, {
    incident,
    actor,
    kind: "declared",
    body: input.impact,
    // Who declared, when it is not a user ("Alertmanager"), for the timeline to name.
    data: { severity: severity.key, systems: systems.map((system) => system.name), commander: commander?.name ?? null, ...(isUser(actor) || actor === FIREBREAK ? {} : { by: actor.label }) },
    at: now,
  });
  await enqueue(tx, ackBreachJob, { incidentId: incident.id }, { runAt: ackDueAt, jobKey: ackBreachJobKey(incident.id) });
  const declaration = { severityId: severity.id, systemIds: systems.map((system) => system.id), at: now, paging };
  await tell(listeners, (listener) => listener.onDeclared?.(tx, incident, declaration));
  return incident;
}
