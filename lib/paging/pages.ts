import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Channel as ChannelName, PageKind, TemplateKind } from "@/lib/db/generated/client";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { loadTemplates } from "@/lib/templates/queries";
import { renderTemplate } from "@/lib/templates/render";
import { incidentPlaceholderValues } from "@/lib/templates/values";
import { linkExpiry, pageLinkUrl, signPageLink } from "./link-token";
import { addressFor, channelsFor, type Recipient } from "./recipients";
import type { Channel } from "./transports/types";

export const PAGE_SEND_TASK = "paging-send";
// graphile-worker runs lower numbers first: a page never waits behind housekeeping.
export const PAGE_JOB_PRIORITY = -10;

export interface PageBatch {
  incident: { id: string; number: number };
  kind: TemplateKind;
  recipients: Recipient[];
  /** Defaults to every channel each person accepts. */
  channels?: Channel[];
  escalation?: { id: string; step: number; round: number };
  /** With the person and channel, makes a page unique: the round for incident pages, the event for updates. */
  scope: string;
  /** Values for the update template: the status update being announced. */
  update?: { progress: string; nextSteps: string; eta: string };
  fallbackForId?: string;
  at: Date;
}

export const pageDedupeKey = (kind: PageKind, incidentId: string, scope: string, contactId: string, channel: Channel) =>
  `${kind}:${incidentId}:${scope}:${contactId}:${channel}`;

/** Renders and writes the pages of one notification and their send jobs; people already paged in this scope are skipped. */
export async function createPages(tx: Tx, batch: PageBatch): Promise<{ id: string; contactId: string | null; channel: Channel }[]> {
  if (batch.recipients.length === 0) return [];
  // One after the other: a transaction is one connection.
  const templates = await loadTemplates(tx);
  const values = await incidentPlaceholderValues(tx, batch.incident.id, { ...batch.update, at: batch.at });
  const rows = [];
  for (const recipient of batch.recipients) {
    for (const channel of batch.channels ?? channelsFor(recipient)) {
      const address = addressFor(recipient, channel);
      if (!address) continue;
      const id = randomUUID();
      const template = templates[batch.kind][channel];
      const all = { ...values, ackCode: String(batch.incident.number), ackLink: pageLinkUrl(signPageLink(id, linkExpiry(batch.at))) };
      rows.push({
        id,
        incidentId: batch.incident.id,
        contactId: recipient.id,
        escalationId: batch.escalation?.id ?? null,
        step: batch.escalation?.step ?? null,
        round: batch.escalation?.round ?? null,
        kind: batch.kind,
        channel,
        recipient: address,
        recipientName: recipient.name,
        subject: template.subject === null ? null : renderTemplate(template.subject, all),
        body: renderTemplate(template.body, all),
        fallbackForId: batch.fallbackForId ?? null,
        dedupeKey: pageDedupeKey(batch.kind, batch.incident.id, batch.scope, recipient.id, channel),
        queuedAt: batch.at,
      });
    }
  }
  const created = await tx.page.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, contactId: true, channel: true } });
  await enqueueJobs(tx, PAGE_SEND_TASK, created.map((page) => ({ pageId: page.id })), { priority: PAGE_JOB_PRIORITY });
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
  await enqueueJobs(tx, PAGE_SEND_TASK, created.map((page) => ({ pageId: page.id })), { priority: PAGE_JOB_PRIORITY });
}
