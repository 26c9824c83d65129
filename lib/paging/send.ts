import type { Db } from "@/lib/db/client";
import type { Channel, PageKind } from "@/lib/db/generated/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { CHANGES_CHANNEL, publishChange } from "@/lib/live/publish";
import { recordPermanentFailure } from "./failure";
import { PAGE_JOB_PRIORITY, PAGE_SEND_TASK } from "./pages";
import { transportFor } from "./transports";
import type { SendResult, Transport } from "./transports/types";

/** Attempts before a page that keeps meeting 429/5xx/network errors is given up. */
export const MAX_SEND_ATTEMPTS = 8;

/** 1 s, 2 s, 4 s … capped at a minute, with jitter so a recovering provider is not hit in step. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

interface Claim {
  incidentId: string;
  kind: PageKind;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  /** The attempt this send is; null when the page was cancelled instead. */
  number: number | null;
}

/**
 * Claims a queued page for one attempt, in one statement: the page locked, an attempt a dead
 * worker left open marked unknown, and either a new attempt written and the page "sending", or
 * the page cancelled because its incident was acknowledged meanwhile. Pages already sent,
 * delivered, failed or cancelled are not returned: a repeated job does nothing.
 */
async function claimPage(db: Db, pageId: string): Promise<Claim | null> {
  const rows = await db.$queryRaw<Claim[]>`
    WITH page AS (
      SELECT p.id, p."incidentId", p.kind, p.channel, p.recipient, p.subject, p.body, p.attempts,
             (p.kind = 'incident' AND i."acknowledgedAt" IS NOT NULL) AS moot
        FROM "Page" p JOIN "Incident" i ON i.id = p."incidentId"
       WHERE p.id = ${pageId}::uuid AND p.status IN ('queued', 'sending')
         FOR UPDATE OF p
    ), lost AS (
      UPDATE "PageAttempt" SET "finishedAt" = now(), outcome = 'unknown'
       WHERE "pageId" IN (SELECT id FROM page) AND "finishedAt" IS NULL
    ), changed AS (
      UPDATE "Page" p
         SET status = CASE WHEN page.moot THEN 'cancelled'::"PageStatus" ELSE 'sending'::"PageStatus" END,
             "cancelledAt" = CASE WHEN page.moot THEN now() ELSE p."cancelledAt" END,
             attempts = CASE WHEN page.moot THEN p.attempts ELSE p.attempts + 1 END
        FROM page WHERE p.id = page.id
      RETURNING p.id, p.attempts, page.moot
    ), attempt AS (
      INSERT INTO "PageAttempt" ("pageId", number, "startedAt")
      SELECT id, attempts, now() FROM changed WHERE NOT moot
    )
    SELECT page."incidentId", page.kind, page.channel, page.recipient, page.subject, page.body,
           CASE WHEN changed.moot THEN NULL ELSE changed.attempts END AS number,
           CASE WHEN changed.moot THEN (SELECT true FROM pg_notify(${CHANGES_CHANNEL}, json_build_object('topic', 'incident', 'id', page."incidentId")::text)) END AS notified
      FROM page JOIN changed ON changed.id = page.id`;
  return rows[0] ?? null;
}

// A fan-out hands hundreds of pages a second to providers; browsers following the incident need to
// hear about it a few times a second, not hundreds. Every change is still followed by a notice
// within this delay.
const LIVE_NOTICE_MS = 200;
const noticesDue = new Map<string, ReturnType<typeof setTimeout>>();

function noticeSoon(db: Db, incidentId: string): void {
  if (noticesDue.has(incidentId)) return;
  const timer = setTimeout(() => {
    noticesDue.delete(incidentId);
    db.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ topic: "incident", id: incidentId })})`.catch((error: Error) =>
      console.error(`[paging] live notice not sent: ${error.message}`),
    );
  }, LIVE_NOTICE_MS);
  timer.unref();
  noticesDue.set(incidentId, timer);
}

/** A provider took the page: one statement records the attempt's end, the provider id, and (unless a callback got further first) "sent". */
async function recordSent(db: Db, pageId: string, number: number, providerId: string): Promise<void> {
  await db.$queryRaw`
    WITH attempt AS (
      UPDATE "PageAttempt" SET "finishedAt" = now(), outcome = 'sent' WHERE "pageId" = ${pageId}::uuid AND number = ${number}
    )
    UPDATE "Page" SET "providerId" = ${providerId}, "sentAt" = now(),
           status = CASE WHEN status IN ('queued', 'sending') THEN 'sent'::"PageStatus" ELSE status END
     WHERE id = ${pageId}::uuid
    RETURNING id`;
}

/** A provider refused or could not be reached: retry later, or give up and fall back to the other channel. */
async function recordRefusal(db: Db, pageId: string, incidentId: string, number: number, result: Extract<SendResult, { ok: false }>): Promise<void> {
  const retry = result.retryable && number < MAX_SEND_ATTEMPTS;
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.pageAttempt.update({
      where: { pageId_number: { pageId, number } },
      data: { finishedAt: now, outcome: retry ? "retry" : "failed", httpStatus: result.httpStatus ?? null, error: result.reason },
    });
    if (retry) {
      await tx.page.updateMany({ where: { id: pageId, status: "sending" }, data: { status: "queued", error: result.reason } });
      await enqueueJob(tx, PAGE_SEND_TASK, { pageId }, { runAt: new Date(now.getTime() + retryDelayMs(number)), priority: PAGE_JOB_PRIORITY });
    } else {
      await recordPermanentFailure(tx, pageId, result.retryable ? `Gave up after ${number} attempts: ${result.reason}` : result.reason, now);
    }
    await publishChange(tx, { topic: "incident", id: incidentId });
  });
}

/**
 * The page-send job. The attempt is written before the provider is called, so a worker that dies
 * mid-call leaves a trace (and the page is sent again: for a page, twice beats never); the outcome
 * is written after, moving the status only forward.
 */
export async function sendPage(db: Db, pageId: string, transport: (channel: Channel) => Transport = transportFor) {
  const claim = await claimPage(db, pageId);
  if (!claim || claim.number === null) return;
  const number = Number(claim.number);
  const result: SendResult = await transport(claim.channel)
    .send({ pageId, channel: claim.channel, to: claim.recipient, subject: claim.subject, body: claim.body })
    .catch((error: unknown) => ({ ok: false as const, retryable: true, reason: error instanceof Error ? error.message : String(error) }));
  if (result.ok) {
    await recordSent(db, pageId, number, result.providerId);
    noticeSoon(db, claim.incidentId);
  } else {
    await recordRefusal(db, pageId, claim.incidentId, number, result);
  }
}
