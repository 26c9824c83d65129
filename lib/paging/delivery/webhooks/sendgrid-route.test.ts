import { beforeEach, describe, expect, it } from "vitest";
import { POST as receiveSendgridEvents } from "@/app/api/webhooks/sendgrid/events/route";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { pruneProviderEvents, PROVIDER_EVENT_RETENTION_DAYS } from "@/lib/paging/delivery/provider-status";
import { MAX_EVENTS, sendgridEventsSchema } from "./sendgrid";

// The SendGrid event webhook's bounds. Its signed path runs against the sandbox in
// sendgrid-signature.test.ts and the browser suite; here no verification key is configured.

beforeEach(() => resetDatabase(db));

const event = (index: number) => ({ event: "delivered", sg_event_id: `event-${index}`, timestamp: 1_780_000_000, pageId: "7d8f3a52-3c1e-4f4b-9a51-0e2c5b7a9d10" });

describe("POST /api/webhooks/sendgrid/events", () => {
  it("refuses every event while no verification key is set, and writes nothing", async () => {
    const response = await receiveSendgridEvents(
      new Request("http://10.0.0.7:3000/api/webhooks/sendgrid/events", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([event(1)]) }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "SendGrid events are refused: SENDGRID_WEBHOOK_PUBLIC_KEY is not set, so no signature can be checked" });
    expect(await db.providerEvent.count()).toBe(0);
  });

  it("takes at most a batch of SendGrid's size", () => {
    expect(sendgridEventsSchema.safeParse(Array.from({ length: MAX_EVENTS }, (_, index) => event(index))).success).toBe(true);
    const tooMany = sendgridEventsSchema.safeParse(Array.from({ length: MAX_EVENTS + 1 }, (_, index) => event(index)));
    expect(tooMany.error?.issues[0]?.message).toBe(`must contain at most ${MAX_EVENTS} events`);
  });
});

describe("pruneProviderEvents", () => {
  it("forgets callbacks older than the retention period and keeps the rest", async () => {
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await db.providerEvent.createMany({
      data: [
        { provider: "sendgrid", eventKey: "old", type: "delivered", receivedAt: daysAgo(PROVIDER_EVENT_RETENTION_DAYS + 1) },
        { provider: "twilio", eventKey: "recent", type: "sent", receivedAt: daysAgo(PROVIDER_EVENT_RETENTION_DAYS - 1) },
      ],
    });
    expect(await pruneProviderEvents(db, now)).toBe(1);
    expect((await db.providerEvent.findMany()).map((row) => row.eventKey)).toEqual(["recent"]);
  });
});
