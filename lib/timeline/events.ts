import { bulkInsert } from "@/lib/db/bulk-insert";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { publishChange } from "@/lib/live/publish";
import type { Actor, SystemActor } from "./actor";
import { recordAudit, recordAudits, type AuditRecord } from "./audit";
import { incidentReference } from "./incident";

// An incident's timeline is written by every domain (the lifecycle, paging, runbooks, post-mortems);
// each declares its own event kinds with how they read (`timelineOf`), and writes through it.

/** An event as the incident page and post-mortems read it. */
export interface TimelineEvent {
  id: string;
  kind: string;
  /** The user's name; null for Firebreak or a contact (then `data.by` names them). */
  actor: string | null;
  body: string;
  data: Record<string, unknown>;
  at: string;
}

/** What an event says, as plain text after its subject: "acknowledged by SMS". */
export type EventText = (event: TimelineEvent) => string;

export interface ChangeRecord<Kind extends string> {
  incident: { id: string; number: number };
  actor: Actor | SystemActor;
  kind: Kind;
  body?: string;
  data?: Prisma.InputJsonObject;
  at: Date;
}

export interface Timeline<Kind extends string> {
  readonly text: Readonly<Record<Kind, EventText>>;
  /** One change to an incident: its timeline event, its audit entry, and the live notification. */
  record(tx: Tx, change: ChangeRecord<Kind>): Promise<{ eventId: string }>;
  /**
   * Several changes in three statements whatever their number (paging an incident's escalation
   * chains at once). Events of equal time read in id order, and one insert numbers its rows in the
   * order given: the timeline shows the changes in this order.
   */
  recordMany(tx: Tx, changes: ChangeRecord<Kind>[]): Promise<void>;
}

/** A domain's event kinds, each with how it reads, and the writer that accepts only those kinds. */
export function timelineOf<Kind extends string>(text: Record<Kind, EventText>): Timeline<Kind> {
  return {
    text,
    async record(tx, change) {
      const event = await tx.incidentEvent.create({ data: timelineEvent(change), select: { id: true } });
      await recordAudit(tx, auditRecord(change));
      await publishChange(tx, { topic: "incident", id: change.incident.id });
      return { eventId: String(event.id) };
    },
    async recordMany(tx, changes) {
      if (changes.length === 0) return;
      await insertEvents(tx, changes.map(timelineEvent));
      await recordAudits(tx, changes.map(auditRecord));
      for (const id of new Set(changes.map((change) => change.incident.id))) await publishChange(tx, { topic: "incident", id });
    },
  };
}

/** How any event of the given timelines reads; a kind none of them knows reads as its name. */
export function describeWith(...timelines: Timeline<string>[]): EventText {
  const text = new Map(timelines.flatMap((timeline) => Object.entries<EventText>(timeline.text)));
  return (event) => text.get(event.kind)?.(event) ?? event.kind;
}

const plainText = (value: unknown) => (typeof value === "string" ? value : "");

/** Who an event is about: its user, or the contact or system its data names, or Firebreak. */
export const eventSubject = (event: TimelineEvent) => event.actor ?? (plainText(event.data.by) || "Firebreak");

const insertEvents = bulkInsert<ReturnType<typeof timelineEvent>>({
  table: "IncidentEvent",
  columns: { incidentId: "uuid", kind: "text", actorId: "uuid", body: "text", data: "jsonb", createdAt: "timestamp(3)" },
});

function timelineEvent(change: ChangeRecord<string>) {
  return {
    incidentId: change.incident.id,
    kind: change.kind,
    actorId: change.actor.id,
    body: change.body ?? "",
    data: change.data ?? {},
    createdAt: change.at,
  };
}

function auditRecord(change: ChangeRecord<string>): AuditRecord {
  return {
    actor: change.actor,
    action: `incident.${change.kind}`,
    targetType: "incident",
    targetId: change.incident.id,
    data: { reference: incidentReference(change.incident.number), ...change.data },
  };
}
