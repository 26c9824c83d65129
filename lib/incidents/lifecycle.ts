import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { FIREBREAK, type Actor, type SystemActor } from "@/lib/timeline/actor";
import { incidentReference, lockIncident, type LockedIncident as Locked } from "@/lib/timeline/incident";
import { dataLossEstimate } from "./data-loss";
import { incidentTimeline } from "./events";
import { tell, type IncidentListeners } from "./listeners";
import { canTransition, TRANSITIONS, type IncidentStatus, type Transition } from "./rules";
import type { ResolveInput } from "./schemas";

/** How an acknowledgement arrived: the app's button, an SMS reply, or the link in an email. */
export type AckVia = "app" | "sms" | "email";

const verbs: Record<Transition, string> = {
  acknowledge: "acknowledged",
  mitigate: "marked mitigated",
  resolve: "resolved",
  close: "closed",
  reopen: "reopened",
};

async function begin(tx: Tx, incidentId: string, transition: Transition): Promise<Locked> {
  const incident = await lockIncident(tx, incidentId);
  if (!canTransition(transition, incident.status as IncidentStatus)) {
    throw new DomainError(`${incidentReference(incident.number)} is ${incident.status}; it cannot be ${verbs[transition]} now.`);
  }
  return incident;
}

/** Records a missed acknowledge-by target once, at the moment it passed. */
async function recordBreachIfDue(tx: Tx, incident: Locked, now: Date): Promise<void> {
  if (incident.breachedAt || incident.acknowledgedAt || now <= incident.ackDueAt) return;
  await tx.incident.update({ where: { id: incident.id }, data: { breachedAt: incident.ackDueAt } });
  await incidentTimeline.record(tx, {
    incident,
    actor: FIREBREAK,
    kind: "breached",
    body: `Not acknowledged within the ${incident.severity.key} response time.`,
    data: { ackDueAt: incident.ackDueAt.toISOString() },
    at: incident.ackDueAt,
  });
}

export interface Acknowledgement {
  /** The user who acknowledged in the app, or a paged contact named by their email. */
  actor: Actor | SystemActor;
  /** Who, as shown on the timeline: a user's or a contact's name. */
  by: string;
  via: AckVia;
}

/**
 * The first acknowledgement of a locked, still declared incident: its status, who and how on the
 * timeline, and the end of every escalation (pages not yet handed to a provider are cancelled).
 */
export async function acknowledgeLocked(listeners: IncidentListeners, tx: Tx, incident: Locked, ack: Acknowledgement, now: Date) {
  if (!canTransition("acknowledge", incident.status as IncidentStatus)) {
    throw new DomainError(`${incidentReference(incident.number)} is ${incident.status}; it cannot be acknowledged now.`);
  }
  await recordBreachIfDue(tx, incident, now);
  await tx.incident.update({
    where: { id: incident.id },
    data: { status: TRANSITIONS.acknowledge.to, acknowledgedAt: now, acknowledgedBy: ack.by, acknowledgedVia: ack.via },
  });
  await incidentTimeline.record(tx, { incident, actor: ack.actor, kind: "acknowledged", data: { by: ack.by, via: ack.via }, at: now });
  await tell(listeners, (listener) => listener.onAcknowledged?.(tx, incident, now));
}

export async function acknowledgeIncident(listeners: IncidentListeners, db: Db, incidentId: string, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    await acknowledgeLocked(listeners, tx, incident, { actor, by: actor.name ?? actor.email, via: "app" }, now);
  });
}

export async function mitigateIncident(listeners: IncidentListeners, db: Db, incidentId: string, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const incident = await begin(tx, incidentId, "mitigate");
    await recordBreachIfDue(tx, incident, now);
    await tx.incident.update({
      where: { id: incidentId },
      data: { status: TRANSITIONS.mitigate.to, mitigatedAt: now, acknowledgedAt: incident.acknowledgedAt ?? now },
    });
    await incidentTimeline.record(tx, { incident, actor, kind: "mitigated", at: now });
    await tell(listeners, (listener) => listener.onMitigated?.(tx, incident, now));
  });
}

type ResolveArgs = Omit<ResolveInput, "incidentId"> & { incidentId: string };

export async function resolveIncident(listeners: IncidentListeners, db: Db, input: ResolveArgs, actor: Actor, now = new Date()) {
  return db.$transaction((tx) => resolveIncidentIn(listeners, tx, input, actor, now));
}

/** The same inside the caller's transaction; Firebreak may resolve for someone else (an alert that resolved). */
export async function resolveIncidentIn(listeners: IncidentListeners, tx: Tx, input: ResolveArgs, actor: Actor | SystemActor, now: Date) {
  const incident = await begin(tx, input.incidentId, "resolve");
  await recordBreachIfDue(tx, incident, now);
  // Unless the resolver measured it, data loss reaches back to the last good backup before declaration.
  const dataLossSeconds = input.dataLossSeconds ?? (await dataLossEstimate(tx, incident.id))?.seconds ?? null;
  await tx.incident.update({
    where: { id: incident.id },
    data: {
      status: TRANSITIONS.resolve.to,
      resolvedAt: now,
      acknowledgedAt: incident.acknowledgedAt ?? now,
      resolution: input.resolution,
      prevention: input.prevention,
      followUp: input.followUp,
      dataLossSeconds,
    },
  });
  const { eventId } = await incidentTimeline.record(tx, {
    incident,
    actor,
    kind: "resolved",
    body: input.resolution,
    data: { prevention: input.prevention, followUp: input.followUp, dataLossSeconds },
    at: now,
  });
  await tell(listeners, (listener) => listener.onResolved?.(tx, incident, { eventId, at: now }));
}

export async function closeIncident(db: Db, incidentId: string, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const incident = await begin(tx, incidentId, "close");
    await tx.incident.update({ where: { id: incidentId }, data: { status: TRANSITIONS.close.to, closedAt: now } });
    await incidentTimeline.record(tx, { incident, actor, kind: "closed", at: now });
  });
}

export async function reopenIncident(db: Db, incidentId: string, reason: string, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const incident = await begin(tx, incidentId, "reopen");
    // The recovery clocks run again from the original declaration.
    await tx.incident.update({ where: { id: incidentId }, data: { status: TRANSITIONS.reopen.to, resolvedAt: null, closedAt: null } });
    await incidentTimeline.record(tx, { incident, actor, kind: "reopened", body: reason, data: { from: incident.status }, at: now });
  });
}

/** The breach timer's job: marks the incident breached if it is still unacknowledged. */
export async function checkAckBreach(db: Db, incidentId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const exists = await tx.incident.count({ where: { id: incidentId } });
    if (exists === 0) return;
    await recordBreachIfDue(tx, await lockIncident(tx, incidentId), now);
  });
}
