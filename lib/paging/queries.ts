import "server-only";
import type { Db } from "@/lib/db/client";
import type { Channel, EscalationStatus, PageKind, PageStatus } from "@/lib/db/generated/client";
import { type IncidentStatus } from "@/lib/incidents/rules";
import { incidentReference } from "@/lib/timeline/incident";
import { parseStoredPolicy } from "@/lib/people/escalation-policy";
import { OUTBOX_PROVIDER_PREFIX } from "@/lib/paging/outbox/transport";

// Read models for paging: plain JSON (dates as ISO strings), as the browser receives them.

const iso = (date: Date | null) => date?.toISOString() ?? null;

export interface PagingAcknowledgement {
  /** Null when the incident was acknowledged by moving it on (mitigated, resolved) rather than by someone. */
  by: string | null;
  via: string | null;
  at: string;
}

export interface EscalationSummary {
  id: string;
  label: string;
  status: EscalationStatus;
  /** 1-based, as people count steps. */
  nextStep: number;
  stepCount: number;
  round: number;
  repeatCount: number;
  nextStepAt: string | null;
}

export interface PageRow {
  id: string;
  recipientName: string;
  recipient: string;
  channel: Channel;
  kind: PageKind;
  escalation: string | null;
  step: number | null;
  round: number | null;
  status: PageStatus;
  attempts: number;
  providerId: string | null;
  error: string | null;
  queuedAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  cancelledAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedVia: string | null;
  fallbackForId: string | null;
}

export interface IncidentPaging {
  acknowledgement: PagingAcknowledgement | null;
  escalations: EscalationSummary[];
  pages: PageRow[];
}

/** Who was paged for an incident, how each page fared, and where the escalations stand. */
export async function getIncidentPaging(db: Db, incidentId: string): Promise<IncidentPaging | null> {
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    select: {
      acknowledgedAt: true,
      acknowledgedBy: true,
      acknowledgedVia: true,
      escalations: {
        select: { id: true, label: true, status: true, policy: true, nextStep: true, round: true, nextStepAt: true },
        orderBy: [{ createdAt: "asc" }, { label: "asc" }],
      },
      pages: {
        select: {
          id: true, recipientName: true, recipient: true, channel: true, kind: true, step: true, round: true, status: true,
          attempts: true, providerId: true, error: true, queuedAt: true, sentAt: true, deliveredAt: true, failedAt: true,
          cancelledAt: true, acknowledgedAt: true, acknowledgedVia: true, fallbackForId: true,
          escalation: { select: { label: true } },
        },
        orderBy: [{ queuedAt: "asc" }, { recipientName: "asc" }, { channel: "asc" }],
      },
    },
  });
  if (!incident) return null;
  return {
    acknowledgement: incident.acknowledgedAt
      ? { by: incident.acknowledgedBy, via: incident.acknowledgedVia, at: incident.acknowledgedAt.toISOString() }
      : null,
    escalations: incident.escalations.map(({ policy, nextStep, nextStepAt, ...escalation }) => {
      const parsed = parseStoredPolicy(policy);
      return {
        ...escalation,
        nextStep: nextStep + 1,
        stepCount: parsed.steps.length,
        repeatCount: parsed.repeatCount,
        nextStepAt: iso(nextStepAt),
      };
    }),
    pages: incident.pages.map(({ escalation, ...page }) => ({
      ...page,
      escalation: escalation?.label ?? null,
      queuedAt: page.queuedAt.toISOString(),
      sentAt: iso(page.sentAt),
      deliveredAt: iso(page.deliveredAt),
      failedAt: iso(page.failedAt),
      cancelledAt: iso(page.cancelledAt),
      acknowledgedAt: iso(page.acknowledgedAt),
    })),
  };
}

export interface OutboxMessage {
  id: string;
  channel: Channel;
  kind: PageKind;
  recipientName: string;
  recipient: string;
  subject: string | null;
  /** As rendered from the template; for email it carries the acknowledge link. */
  body: string;
  status: PageStatus;
  queuedAt: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  /** `number` is the code an SMS reply gives: "ACK 12". */
  incident: { id: string; number: number; reference: string; title: string; status: IncidentStatus };
}

export const OUTBOX_LIMIT = 100;

/** Messages the dev outbox kept instead of sending, newest first. */
export async function listOutboxPages(db: Db, { limit = OUTBOX_LIMIT }: { limit?: number } = {}): Promise<OutboxMessage[]> {
  const rows = await db.page.findMany({
    where: { providerId: { startsWith: OUTBOX_PROVIDER_PREFIX } },
    select: {
      id: true, channel: true, kind: true, recipientName: true, recipient: true, subject: true, body: true, status: true,
      queuedAt: true, sentAt: true, acknowledgedAt: true,
      incident: { select: { id: true, number: true, title: true, status: true } },
    },
    orderBy: [{ queuedAt: "desc" }, { sentAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(({ incident, ...page }) => ({
    ...page,
    queuedAt: page.queuedAt.toISOString(),
    sentAt: iso(page.sentAt),
    acknowledgedAt: iso(page.acknowledgedAt),
    incident: { id: incident.id, number: incident.number, reference: incidentReference(incident.number), title: incident.title, status: incident.status },
  }));
}
