import { randomUUID } from "node:crypto";
import { bulkInsertReturning } from "@/lib/db/bulk-insert";
import type { Tx } from "@/lib/db/client";
import type { Channel as ChannelName, PageKind, TemplateKind } from "@/lib/db/generated/client";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { loadTemplates } from "@/lib/templates/queries";
import { renderTemplate } from "@/lib/templates/render";
import { fitSms, smsValues } from "@/lib/templates/sms-fit";
import { incidentPlaceholderValues } from "@/lib/templates/values";
import { PAGE_JOB_PRIORITY, pageSendJob, pageSendSpecs } from "@/lib/paging/jobs";
import { linkExpiry, pageLinkUrl, signPageLink } from "@/lib/paging/acknowledgement/link-token";
import { addressFor, channelsFor, type Recipient } from "./recipients";
import type { Channel } from "@/lib/paging/delivery/transports/types";


/** Who gets one notification: each group's pages carry its escalation step and its scope. */
export interface PageGroup {
  recipients: Recipient[];
  escalation?: { id: string; step: number; round: number };
  /** With the person and channel, makes a page unique: the round for incident pages, the event for updates. */
  scope: string;
}

/** What a notification's pages share, whoever receives them. */
export interface PageNotification {
  incident: { id: string; number: number };
  kind: TemplateKind;
  /** Defaults to every channel each person accepts. */
  channels?: Channel[];
  /** Values for the update template: the status update being announced. */
  update?: { progress: string; nextSteps: string; eta: string };
  fallbackForId?: string;
  at: Date;
}

export type PageBatch = PageNotification & PageGroup;

export interface CreatedPage {
  id: string;
  contactId: string | null;
  channel: Channel;
  escalationId: string | null;
}

export const pageDedupeKey = (kind: PageKind, incidentId: string, scope: string, contactId: string, channel: Channel) =>
  `${kind}:${incidentId}:${scope}:${contactId}:${channel}`;

/** A templated page as written. */
interface PageRow {
  id: string;
  incidentId: string;
  contactId: string;
  escalationId: string | null;
  step: number | null;
  round: number | null;
  kind: TemplateKind;
  channel: Channel;
  recipient: string;
  recipientName: string;
  subject: string | null;
  body: string;
  fallbackForId: string | null;
  dedupeKey: string;
  queuedAt: Date;
}

// People already paged in the same scope (the dedupe key) are skipped, and not returned.
const insertPages = bulkInsertReturning<PageRow, "id" | "contactId" | "channel" | "escalationId">(
  {
    table: "Page",
    columns: {
      id: "uuid", incidentId: "uuid", contactId: "uuid", escalationId: "uuid", step: "int", round: "int", kind: '"PageKind"', channel: '"Channel"',
      recipient: "text", recipientName: "text", subject: "text", body: "text", fallbackForId: "uuid", dedupeKey: "text", queuedAt: "timestamp(3)",
    },
    skipDuplicates: true,
  },
  ["id", "contactId", "channel", "escalationId"],
);

/** Renders and writes the pages of one notification and their send jobs (in sets); people already paged in this scope are skipped. */
export function createPages(tx: Tx, batch: PageBatch): Promise<CreatedPage[]> {
  return createPageGroups(tx, batch, [batch]);
}

/**
 * The same for several groups at once (the escalation chains that fire together): templates and
 * values are read once, and all pages are written and queued in one statement each. A person an
 * earlier group already reaches in the same scope is left to that group; one paged before is skipped.
 */
export async function createPageGroups(tx: Tx, notification: PageNotification, groups: PageGroup[]): Promise<CreatedPage[]> {
  if (groups.every((group) => group.recipients.length === 0)) return [];
  // One after the other: a transaction is one connection.
  const templates = await loadTemplates(tx);
  const values = await incidentPlaceholderValues(tx, notification.incident.id, { ...notification.update, at: notification.at });
  const { incident, kind, at } = notification;
  const rows = new Map<string, PageRow>();
  for (const group of groups) {
    for (const recipient of group.recipients) {
      for (const channel of notification.channels ?? channelsFor(recipient)) {
        const address = addressFor(recipient, channel);
        const dedupeKey = pageDedupeKey(kind, incident.id, group.scope, recipient.id, channel);
        if (!address || rows.has(dedupeKey)) continue;
        const id = randomUUID();
        const template = templates[kind][channel];
        const full = { ...values, ackCode: String(incident.number), ackLink: pageLinkUrl(signPageLink(id, linkExpiry(at))) };
        const all = channel === "sms" ? smsValues(full) : full;
        const body = renderTemplate(template.body, all);
        rows.set(dedupeKey, {
          id,
          incidentId: incident.id,
          contactId: recipient.id,
          escalationId: group.escalation?.id ?? null,
          step: group.escalation?.step ?? null,
          round: group.escalation?.round ?? null,
          kind,
          channel,
          recipient: address,
          recipientName: recipient.name,
          subject: template.subject === null ? null : renderTemplate(template.subject, all),
          body: channel === "sms" ? fitSms(body, [all.link, all.ackLink, `ACK ${all.ackCode}`]) : body,
          fallbackForId: notification.fallbackForId ?? null,
          dedupeKey,
          queuedAt: at,
        });
      }
    }
  }
  const created = await insertPages(tx, [...rows.values()]);
  await enqueueMany(tx, pageSendJob, pageSendSpecs(created.map((page) => page.id)), { priority: PAGE_JOB_PRIORITY });
  return created;
}

/** A page written as it is, without a template: the SMS that confirms an acknowledgement, or a request for an approval. */
export async function createDirectPage(
  tx: Tx,
  input: {
    kind: Exclude<PageKind, TemplateKind>;
    incidentId: string;
    contact: { id: string; name: string };
    channel: ChannelName;
    recipient: string;
    subject?: string;
    body: string;
    /** Makes the page exist once, e.g. per reply answered. */
    dedupeKey: string;
    at: Date;
  },
): Promise<void> {
  const created = await tx.page.createManyAndReturn({
    data: [
      {
        incidentId: input.incidentId,
        contactId: input.contact.id,
        kind: input.kind,
        channel: input.channel,
        recipient: input.recipient,
        recipientName: input.contact.name,
        subject: input.subject ?? null,
        body: input.body,
        dedupeKey: `${input.kind}:${input.dedupeKey}`,
        queuedAt: input.at,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  await enqueueMany(tx, pageSendJob, pageSendSpecs(created.map((page) => page.id)), { priority: PAGE_JOB_PRIORITY });
}
