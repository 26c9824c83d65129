import { untilDatabaseAnswers } from "@/lib/db/availability";
import type { Db } from "@/lib/db/client";
import type { Channel, PageKind } from "@/lib/db/generated/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { CHANGES_CHANNEL, publishChange } from "@/lib/live/publish";
import { recordPermanentFailure } from "./permanent-failure";
import { PAGE_JOB_PRIORITY, pageSendJob } from "@/lib/paging/jobs";
import { transportFor } from "@/lib/paging/delivery/transports/index";
import type { SendResult, Transport } from "@/lib/paging/delivery/transports/types";

/**
 * A page that keeps meeting 429/5xx/network errors is given up (and sent on the person's other
 * channel) once it has had at least this many attempts AND has been failing this long: a
 * provider outage of a few minutes must not cost anyone their page.
 */
export const MIN_SEND_ATTEMPTS = 8;
export const RETRY_WINDOW_MS = 5 * 60_000;

/**
 * 1 s, 2 s, 4 s … capped at 15 s, with jitter so a recovering provider is not hit in step. The
 * low cap is what brings every waiting page out within seconds of a provider's return.
 */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(15_000, 1000 * 2 ** (attempt - 1));
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
  /** When its first attempt started (this one's start, for a first attempt). */
  firstAttemptAt: Date;
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
           coalesce((SELECT min("startedAt") FROM "PageAttempt" a WHERE a."pageId" = page.id), now()) AS "firstAttemptAt",
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
  await db.$executeRaw`
    WITH attempt AS (
      UPDATE "PageAttempt" SET "finishedAt" = now(), outcome = 'sent' WHERE "pageId" = ${pageId}::uuid AND number = ${number}
    )
    UPDATE "Page" SET "providerId" = ${providerId}, "sentAt" = now(),
           status = CASE WHEN status IN ('queued', 'sending') THEN 'sent'::"PageStatus" ELSE status END
     WHERE id = ${pageId}::uuid`;
}

/** A provider refused or could not be reached: retry later, or give up and fall back to the other channel. */
async function recordRefusal(db: Db, claim: Claim & { number: number }, pageId: string, result: Extract<SendResult, { ok: false }>): Promise<void> {
  const { number, incidentId } = claim;
  await db.$transaction(async (tx) => {
    const now = new Date();
    const retry = result.retryable && (number < MIN_SEND_ATTEMPTS || now.getTime() - new Date(claim.firstAttemptAt).getTime() < RETRY_WINDOW_MS);
    await tx.pageAttempt.update({
      where: { pageId_number: { pageId, number } },
      data: { finishedAt: now, outcome: retry ? "retry" : "failed", httpStatus: result.httpStatus ?? null, error: result.reason },
    });
    if (retry) {
      // Only the move out of "sending" queues the retry: a repeat of this write after a lost commit queues nothing.
      const moved = await tx.page.updateMany({ where: { id: pageId, status: "sending" }, data: { status: "queued", error: result.reason } });
      if (moved.count > 0) {
        await enqueue(tx, pageSendJob, { pageId }, { runAt: new Date(now.getTime() + retryDelayMs(number)), priority: PAGE_JOB_PRIORITY });
      }
    } else {
      await recordPermanentFailure(tx, pageId, result.retryable ? `Gave up after ${number} attempts: ${result.reason}` : result.reason, now);
    }
    await publishChange(tx, { topic: "incident", id: incidentId });
  });
}

/**
 * The page-send job. The attempt is written before the provider is called, so a worker that dies
 * mid-call leaves a trace (and the page is sent again: for a page, twice beats never); the outcome
 * is written after, moving the status only forward. That outcome is known only in this process
 * until it is written, so it waits out a database outage rather than be lost (and sent again).
 */
export async function sendPage(db: Db, pageId: string, transport: (channel: Channel) => Transport = transportFor) {
  const found = await claimPage(db, pageId);
  if (!found || found.number === null) return;
  const claim = { ...found, number: Number(found.number) };
  const result: SendResult = await transport(claim.channel)
    .send({ pageId, channel: claim.channel, to: claim.recipient, subject: claim.subject, body: claim.body })
    .catch((error: unknown) => ({ ok: false as const, retryable: true, reason: error instanceof Error ? error.message : String(error) }));
  if (result.ok) {
    await untilDatabaseAnswers(() => recordSent(db, pageId, claim.number, result.providerId));
    noticeSoon(db, claim.incidentId);
  } else {
    await untilDatabaseAnswers(() => recordRefusal(db, claim, pageId, result));
  }
}
