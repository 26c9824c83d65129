import { hasRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { incidentTimeline } from "./events";
import { ackBreachJob, ackBreachJobKey } from "./jobs";
import { tell, type IncidentListeners } from "./listeners";
import { lockIncident } from "@/lib/timeline/incident";
import { type Actor } from "@/lib/timeline/actor";
import { OPEN_STATUSES, type IncidentRoleName, type IncidentStatus } from "./rules";

export async function changeSeverity(db: Db, input: { incidentId: string; severityId: string; reason: string }, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, input.incidentId);
    const severity = await tx.severityLevel.findUnique({ where: { id: input.severityId }, select: { id: true, key: true, responseTimeSeconds: true } });
    if (!severity) throw new DomainError("Some fields need attention.", { severityId: ["Choose one of the configured severities"] });
    if (severity.id === incident.severity.id) throw new DomainError(`The incident is already ${severity.key}.`, { severityId: ["Choose a different severity"] });

    // The acknowledge-by target follows the new severity, still counted from declaration.
    const ackDueAt = new Date(incident.declaredAt.getTime() + severity.responseTimeSeconds * 1000);
    await tx.incident.update({ where: { id: incident.id }, data: { severityId: severity.id, ackDueAt } });
    if (!incident.acknowledgedAt && !incident.breachedAt) {
      await enqueue(tx, ackBreachJob, { incidentId: incident.id }, { runAt: ackDueAt, jobKey: ackBreachJobKey(incident.id) });
    }
    await incidentTimeline.record(tx, {
      incident,
      actor,
      kind: "severity_changed",
      body: input.reason,
      data: { from: incident.severity.key, to: severity.key },
      at: now,
    });
  });
}

export async function assignIncidentRole(db: Db, input: { incidentId: string; role: IncidentRoleName; userId: string }, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, input.incidentId);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, role: true, disabledAt: true } });
    if (!user || user.disabledAt) throw new DomainError("Some fields need attention.", { userId: ["Choose an active user"] });
    if (input.role === "commander" && !hasRole(user.role, "commander")) {
      throw new DomainError("Some fields need attention.", { userId: ["The incident commander must be a commander or admin"] });
    }
    if (!hasRole(user.role, "responder")) throw new DomainError("Some fields need attention.", { userId: ["Viewers cannot hold an incident role"] });

    const current = await tx.incidentRoleAssignment.findFirst({
      where: { incidentId: incident.id, role: input.role, endedAt: null },
      select: { id: true, userId: true, user: { select: { name: true } } },
    });
    if (current?.userId === user.id) throw new DomainError(`${user.name} already holds that role.`);
    if (current) await tx.incidentRoleAssignment.update({ where: { id: current.id }, data: { endedAt: now } });
    await tx.incidentRoleAssignment.create({
      data: { incidentId: incident.id, role: input.role, userId: user.id, assignedById: actor.id, assignedAt: now },
    });
    if (input.role === "commander") await tx.incident.update({ where: { id: incident.id }, data: { commanderId: user.id } });
    await incidentTimeline.record(tx, {
      incident,
      actor,
      kind: "role_assigned",
      data: { role: input.role, from: current?.user.name ?? null, to: user.name },
      at: now,
    });
  });
}

export async function addNote(db: Db, input: { incidentId: string; body: string }, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, input.incidentId);
    await incidentTimeline.record(tx, { incident, actor, kind: "note", body: input.body, at: now });
  });
}

export async function postStatusUpdate(
  listeners: IncidentListeners,
  db: Db,
  input: { incidentId: string; progress: string; nextSteps: string; eta: string },
  actor: Actor,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, input.incidentId);
    if (!OPEN_STATUSES.includes(incident.status as IncidentStatus)) {
      throw new DomainError("Status updates are for open incidents; reopen it first.");
    }
    const update = { progress: input.progress, nextSteps: input.nextSteps, eta: input.eta };
    const { eventId } = await incidentTimeline.record(tx, { incident, actor, kind: "status_update", body: input.progress, data: update, at: now });
    await tell(listeners, (listener) => listener.onStatusUpdate?.(tx, incident, { eventId, update, at: now }));
  });
}
