import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { publishChange } from "@/lib/live/publish";
import { recordPermanentFailure } from "./permanent-failure";
import { advances } from "./status-rank";

export interface ProviderStatusEvent {
  provider: "twilio" | "sendgrid";
  /** Unique per event from the provider: a repeated event is applied once. */
  eventKey: string;
  /** Firebreak's page id when the provider echoes it (status callback URL, custom args). */
  pageId?: string | null;
  providerId?: string | null;
  status: "sent" | "delivered" | "failed";
  reason?: string | null;
  at: Date;
}

export type StatusOutcome = "applied" | "duplicate" | "unknown-page" | "stale";

/** Moves a page along queued → sent → delivered / failed from a provider's callback. */
export async function applyProviderStatus(db: Db, event: ProviderStatusEvent): Promise<StatusOutcome> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "ProviderEvent" (provider, "eventKey", "pageId", type)
      VALUES (${event.provider}, ${event.eventKey}, ${event.pageId ?? null}::uuid, ${event.status})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return "duplicate";

    const where: Prisma.PageWhereInput | null = event.pageId ? { id: event.pageId } : event.providerId ? { providerId: event.providerId } : null;
    const page = where && (await tx.page.findFirst({ where, select: { id: true, incidentId: true, status: true, providerId: true } }));
    if (!page) return "unknown-page";
    await tx.$queryRaw`SELECT id FROM "Page" WHERE id = ${page.id}::uuid FOR UPDATE`;
    const current = await tx.page.findUniqueOrThrow({ where: { id: page.id }, select: { status: true, providerId: true } });

    let outcome: StatusOutcome = "stale";
    if (event.status === "failed") {
      const before = current.status;
      await recordPermanentFailure(tx, page.id, event.reason ?? "The provider reported the message as failed", event.at);
      if (before !== "failed" && before !== "cancelled") outcome = "applied";
    } else if (advances(current.status, event.status)) {
      await tx.page.update({
        where: { id: page.id },
        data: {
          status: event.status,
          ...(event.status === "delivered" ? { deliveredAt: event.at } : { sentAt: event.at }),
          ...(current.providerId ? {} : { providerId: event.providerId ?? null }),
        },
      });
      outcome = "applied";
    }
    if (outcome === "applied") await publishChange(tx, { topic: "incident", id: page.incidentId });
    return outcome;
  });
}

/**
 * Provider callbacks are kept to apply each once; providers repeat one for at most a few days
 * (SendGrid retries for 72 hours), so after this long the record only grows the table.
 */
export const PROVIDER_EVENT_RETENTION_DAYS = 30;

export async function pruneProviderEvents(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.providerEvent.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - PROVIDER_EVENT_RETENTION_DAYS * 86_400_000) } } });
  return count;
}
