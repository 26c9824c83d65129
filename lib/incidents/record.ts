import { recordAudit, recordAudits, type AuditRecord } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";
import { incidentReference } from "./rules";

export interface Actor {
  id: string;
  email: string;
  name?: string;
}

export type EventKind =
  | "declared"
  | "acknowledged"
  | "mitigated"
  | "resolved"
  | "closed"
  | "reopened"
  | "breached"
  | "severity_changed"
  | "role_assigned"
  | "note"
  | "status_update"
  | "paged"
  | "runbook_requested"
  | "runbook_approved"
  | "runbook_rejected"
  | "runbook_started"
  | "runbook_step"
  | "runbook_finished"
  | "postmortem_created"
  | "postmortem_published"
  | "postmortem_reopened";

/** Locks the incident row for the rest of the transaction, so concurrent changes apply one at a time. */
export async function lockIncident(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Incident" WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("That incident does not exist.");
  return tx.incident.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      declaredAt: true,
      ackDueAt: true,
      acknowledgedAt: true,
      acknowledgedBy: true,
      breachedAt: true,
      title: true,
      severity: { select: { id: true, key: true } },
    },
  });
}

export interface ChangeRecord {
  incident: { id: string; number: number };
  /** null for Firebreak itself (a timer, a job) or someone who is not a user (a paged contact). */
  actor: Actor | null;
  /** Who acted, for the audit log, when that is not a user: a contact's email. */
  actorLabel?: string;
  kind: EventKind;
  body?: string;
  data?: Prisma.InputJsonObject;
  at: Date;
}

/** One change to an incident: its timeline event, its audit entry, and the live notification. */
export async function recordChange(tx: Tx, change: ChangeRecord): Promise<{ eventId: string }> {
  const event = await tx.incidentEvent.create({ data: timelineEvent(change), select: { id: true } });
  await recordAudit(tx, auditRecord(change));
  await publishChange(tx, { topic: "incident", id: change.incident.id });
  return { eventId: String(event.id) };
}

/**
 * Several changes in three statements whatever their number (paging an incident's escalation
 * chains at once). Events of equal time read in id order, and one insert numbers its rows in the
 * order given: the timeline shows the changes in this order.
 */
export async function recordChanges(tx: Tx, changes: ChangeRecord[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.incidentEvent.createMany({ data: changes.map(timelineEvent) });
  await recordAudits(tx, changes.map(auditRecord));
  for (const id of new Set(changes.map((change) => change.incident.id))) await publishChange(tx, { topic: "incident", id });
}

function timelineEvent(change: ChangeRecord) {
  return {
    incidentId: change.incident.id,
    kind: change.kind,
    actorId: change.actor?.id ?? null,
    body: change.body ?? "",
    data: change.data ?? {},
    createdAt: change.at,
  };
}

function auditRecord(change: ChangeRecord): AuditRecord {
  return {
    actor: change.actor ? { id: change.actor.id, label: change.actor.email } : { id: null, label: change.actorLabel ?? "system" },
    action: `incident.${change.kind}`,
    targetType: "incident",
    targetId: change.incident.id,
    data: { reference: incidentReference(change.incident.number), ...change.data },
  };
}
