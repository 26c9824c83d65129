import type { Db, Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { publishChange } from "@/lib/live/publish";
import { recordPermanentFailure } from "./failure";
import { PAGE_JOB_PRIORITY, PAGE_SEND_TASK } from "./pages";
import { advances } from "./status-rank";
import { transportFor } from "./transports";
import type { SendResult, Transport } from "./transports/types";

/** Attempts before a page that keeps meeting 429/5xx/network errors is given up. */
export const MAX_SEND_ATTEMPTS = 8;

/** 1 s, 2 s, 4 s … capped at a minute, with jitter so a recovering provider is not hit in step. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

async function lockPage(tx: Tx, pageId: string) {
  await tx.$queryRaw`SELECT id FROM "Page" WHERE id = ${pageId}::uuid FOR UPDATE`;
  return tx.page.findUnique({
    where: { id: pageId },
    select: {
      id: true, incidentId: true, kind: true, channel: true, recipient: true, subject: true, body: true, status: true, attempts: true,
      incident: { select: { acknowledgedAt: true } },
    },
  });
}

/**
 * The page-send job. The attempt is written before the provider is called, so a worker that dies
 * mid-call leaves a trace; the outcome is written after, moving the status only forward.
 */
export async function sendPage(db: Db, pageId: string, transport: (channel: "sms" | "email") => Transport = transportFor) {
  const claimed = await db.$transaction(async (tx) => {
    const page = await lockPage(tx, pageId);
    // Sent, delivered, failed or cancelled already: a repeated job does nothing.
    if (!page || (page.status !== "queued" && page.status !== "sending")) return null;
    const now = new Date();
    if (page.kind === "incident" && page.incident.acknowledgedAt) {
      await tx.page.update({ where: { id: page.id }, data: { status: "cancelled", cancelledAt: now } });
      await publishChange(tx, { topic: "incident", id: page.incidentId });
      return null;
    }
    // "sending" here means a worker stopped during its call: whether the provider got it is unknown.
    await tx.pageAttempt.updateMany({ where: { pageId, finishedAt: null }, data: { finishedAt: now, outcome: "unknown" } });
    const number = page.attempts + 1;
    await tx.pageAttempt.create({ data: { pageId, number, startedAt: now } });
    await tx.page.update({ where: { id: pageId }, data: { status: "sending", attempts: number } });
    return { ...page, number };
  });
  if (!claimed) return;

  const result: SendResult = await transport(claimed.channel)
    .send({ pageId, channel: claimed.channel, to: claimed.recipient, subject: claimed.subject, body: claimed.body })
    .catch((error: unknown) => ({ ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) }));

  await db.$transaction(async (tx) => {
    const page = await lockPage(tx, pageId);
    if (!page) return;
    const now = new Date();
    const outcome = result.ok ? "sent" : result.retryable && claimed.number < MAX_SEND_ATTEMPTS ? "retry" : "failed";
    await tx.pageAttempt.update({
      where: { pageId_number: { pageId, number: claimed.number } },
      data: { finishedAt: now, outcome, httpStatus: result.ok ? null : (result.httpStatus ?? null), error: result.ok ? null : result.reason },
    });
    if (result.ok) {
      // A status callback may have overtaken us; keep whichever status is further along.
      await tx.page.update({
        where: { id: pageId },
        data: { providerId: result.providerId, sentAt: now, ...(advances(page.status, "sent") ? { status: "sent" } : {}) },
      });
    } else if (outcome === "retry") {
      await tx.page.update({ where: { id: pageId }, data: { status: "queued", error: result.reason } });
      await enqueueJob(tx, PAGE_SEND_TASK, { pageId }, { runAt: new Date(now.getTime() + retryDelayMs(claimed.number)), priority: PAGE_JOB_PRIORITY });
    } else {
      const reason = result.retryable ? `Gave up after ${claimed.number} attempts: ${result.reason}` : result.reason;
      await recordPermanentFailure(tx, pageId, reason, now);
    }
    await publishChange(tx, { topic: "incident", id: page.incidentId });
  });
}
