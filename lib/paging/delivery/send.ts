import { untilDatabaseAnswers } from "@/lib/db/availability";
import type { Db } from "@/lib/db/client";
import type { Channel, PageKind } from "@/lib/db/generated/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { CHANGES_CHANNEL, publishChange } from "@/lib/live/publish";
import { recordPermanentFailure } from "./permanent-failure";
import { PAGE_RETRY_PRIORITY, pageSendJob } from "@/lib/paging/jobs";
import { transportFor, type ProviderName } from "@/lib/paging/delivery/transports/index";
import { sendLimitFor } from "./send-limits";
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
  pageId: string;
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
  /**
   * An earlier attempt ended unheard: its worker stopped during it, or the request got no answer.
   * The provider may have the message already.
   */
  inDoubt: boolean;
}

/**
 * Claims a set of queued pages for one attempt each, in one statement: the pages locked (in id
 * order, so two claims never deadlock), attempts a dead worker left open marked unknown, and each
 * page either given a new attempt and made "sending", or cancelled because its incident was
 * acknowledged meanwhile. Pages already sent, delivered, failed or cancelled are not returned: a
 * repeated job does nothing.
 */
async function claimPages(db: Db, pageIds: string[]): Promise<Claim[]> {
  return db.$queryRaw<Claim[]>`
    WITH page AS (
      SELECT p.id, p."incidentId", p.kind, p.channel, p.recipient, p.subject, p.body, p.attempts,
             (p.kind = 'incident' AND i."acknowledgedAt" IS NOT NULL) AS moot,
             EXISTS (SELECT 1 FROM "PageAttempt" a
                      WHERE a."pageId" = p.id
                        AND (a."finishedAt" IS NULL OR a.outcome = 'unknown' OR (a.outcome = 'retry' AND a."httpStatus" IS NULL))) AS "inDoubt"
        FROM "Page" p JOIN "Incident" i ON i.id = p."incidentId"
       WHERE p.id = ANY(${pageIds}::uuid[]) AND p.status IN ('queued', 'sending')
       ORDER BY p.id
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
    ), cancelled AS (
      SELECT DISTINCT page."incidentId" FROM page JOIN changed ON changed.id = page.id WHERE changed.moot
    )
    SELECT page.id AS "pageId", page."incidentId", page.kind, page.channel, page.recipient, page.subject, page.body,
           CASE WHEN changed.moot THEN NULL ELSE changed.attempts END AS number,
           coalesce((SELECT min("startedAt") FROM "PageAttempt" a WHERE a."pageId" = page.id), now()) AS "firstAttemptAt", page."inDoubt",
           (SELECT count(pg_notify(${CHANGES_CHANNEL}, json_build_object('topic', 'incident', 'id', "incidentId")::text)) FROM cancelled) AS notified
      FROM page JOIN changed ON changed.id = page.id`;
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

/** Pages a provider took: each attempt's end, its provider id, and (unless a callback got further first) "sent". */
interface Sent {
  pageId: string;
  number: number;
  providerId: string;
}

/**
 * One statement for every page in `sent`. The rows come as arrays to unnest, whose length the
 * planner sees, so pages and attempts are found by their keys; rows read from JSON are guessed at
 * a hundred, and the join then read the whole Page table.
 */
async function recordSent(db: Db, sent: Sent[]): Promise<void> {
  await db.$executeRaw`
    WITH sent AS (
      SELECT * FROM unnest(${sent.map((row) => row.pageId)}::uuid[], ${sent.map((row) => row.number)}::int[], ${sent.map((row) => row.providerId)}::text[])
        AS s("pageId", number, "providerId")
    ), attempt AS (
      UPDATE "PageAttempt" a SET "finishedAt" = now(), outcome = 'sent' FROM sent WHERE a."pageId" = sent."pageId" AND a.number = sent.number
    )
    UPDATE "Page" p SET "providerId" = sent."providerId", "sentAt" = now(),
           status = CASE WHEN p.status IN ('queued', 'sending') THEN 'sent'::"PageStatus" ELSE p.status END
      FROM sent WHERE p.id = sent."pageId"`;
}

/**
 * Writes the outcomes of sends in sets: the first waits for nothing, and those that come in while a
 * write is under way go together in the next. A fan-out at a provider's pace writes a few
 * statements a second instead of one per page. Each outcome waits out a database outage: it is
 * known only in this process until it is written.
 */
class SentRecorder {
  private pending: { sent: Sent; done: () => void; failed: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  record(sent: Sent): Promise<void> {
    return new Promise((done, failed) => {
      this.pending.push({ sent, done, failed });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 1000);
      await untilDatabaseAnswers(() => recordSent(this.db, batch.map((item) => item.sent))).then(
        () => batch.forEach((item) => item.done()),
        (error: unknown) => batch.forEach((item) => item.failed(error)),
      );
    }
    this.writing = false;
  }
}

const recorders = new WeakMap<Db, SentRecorder>();
const recorderFor = (db: Db) => {
  let recorder = recorders.get(db);
  if (!recorder) recorders.set(db, (recorder = new SentRecorder(db)));
  return recorder;
};

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
        await enqueue(tx, pageSendJob, { pageIds: [pageId] }, { runAt: new Date(now.getTime() + retryDelayMs(number)), priority: PAGE_RETRY_PRIORITY });
      }
    } else {
      await recordPermanentFailure(tx, pageId, result.retryable ? `Gave up after ${number} attempts: ${result.reason}` : result.reason, now);
    }
    await publishChange(tx, { topic: "incident", id: incidentId });
  });
}

/**
 * Hands a page to its provider, unless the provider already has it: a page whose earlier attempt
 * ended unheard is first looked up where the provider can say (Twilio lists what it sent), so a
 * worker killed mid-fan-out does not wake a hundred people twice. When the lookup itself fails the
 * page is sent: twice still beats never.
 */
async function deliver(via: Transport, claim: Claim): Promise<SendResult> {
  const message = { pageId: claim.pageId, channel: claim.channel, to: claim.recipient, subject: claim.subject, body: claim.body };
  if (claim.inDoubt && via.findSent) {
    const found = await via.findSent(message, new Date(claim.firstAttemptAt)).catch((error: unknown) => {
      console.warn(`[paging] page ${claim.pageId}: could not ask ${via.name} whether it already has it, sending: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (found !== undefined) {
      console.log(`[paging] page ${claim.pageId}: ${via.name} already had it from an attempt that ended unheard (${found}); not sent again`);
      return { ok: true, providerId: found };
    }
  }
  return via.send(message);
}

/**
 * The page-send job, for a set of pages: claimed together, handed to their providers side by side
 * within each provider's limit (lib/paging/delivery/send-limits.ts), outcomes written in sets. The
 * attempt is written before the provider is called, so a worker that dies mid-call leaves a trace
 * (and the page is looked up, then sent again if the provider lacks it); the outcome is written
 * after, moving the status only forward.
 */
export async function sendPages(db: Db, pageIds: string[], transport: (channel: Channel) => Transport = transportFor): Promise<void> {
  const claims = await claimPages(db, pageIds);
  await Promise.all(
    claims.map(async (found) => {
      if (found.number === null) return;
      const claim = { ...found, number: Number(found.number) };
      const via = transport(claim.channel);
      const result: SendResult = await sendLimitFor(via.name as ProviderName)
        .run(() => deliver(via, claim))
        .catch((error: unknown) => ({ ok: false as const, retryable: true, reason: error instanceof Error ? error.message : String(error) }));
      if (result.ok) {
        await recorderFor(db).record({ pageId: claim.pageId, number: claim.number, providerId: result.providerId });
        noticeSoon(db, claim.incidentId);
      } else {
        await untilDatabaseAnswers(() => recordRefusal(db, claim, claim.pageId, result));
      }
    }),
  );
}

/** One page: a set of one. */
export const sendPage = (db: Db, pageId: string, transport?: (channel: Channel) => Transport) => sendPages(db, [pageId], transport);
