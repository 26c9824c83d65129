import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSendgridTransport } from "@/lib/paging/delivery/transports/sendgrid";
import { startCallbackTarget, startSandbox, type CallbackTarget, type ReceivedCallback, type StartedSandbox } from "@/test/sandbox";
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, verifySendgridSignature } from "./sendgrid-signature";

let target: CallbackTarget;
let sandbox: StartedSandbox;
beforeAll(async () => {
  target = await startCallbackTarget();
  sandbox = await startSandbox({ target: target.url });
});
afterAll(async () => {
  await sandbox.stop();
  await target.stop();
});
beforeEach(async () => {
  target.received.length = 0;
  await sandbox.clear();
});

async function sendEmail(to = "oncall@example.com"): Promise<string> {
  const transport = createSendgridTransport({ apiKey: sandbox.settings.SENDGRID_API_KEY, from: sandbox.settings.SENDGRID_FROM, apiUrl: sandbox.settings.SENDGRID_API_URL });
  const result = await transport.send({ pageId: "page-5", channel: "email", to, subject: "INC-5", body: "Paged" });
  if (!result.ok) throw new Error(result.reason);
  return result.providerId;
}

const header = (callback: ReceivedCallback, name: string) => callback.headers[name.toLowerCase()] as string;

function verify(callback: ReceivedCallback, overrides: Partial<Parameters<typeof verifySendgridSignature>[0]> = {}) {
  return verifySendgridSignature({
    publicKey: sandbox.publicKey,
    rawBody: callback.body,
    signature: header(callback, SENDGRID_SIGNATURE_HEADER),
    timestamp: header(callback, SENDGRID_TIMESTAMP_HEADER),
    ...overrides,
  });
}

describe("SendGrid event webhook signatures", () => {
  it("verifies the sandbox's signed events, which carry the page id like SendGrid's custom args", async () => {
    const messageId = await sendEmail("bounce-me@example.com");

    await sandbox.sendSendgridEvents({ events: [{ messageId, event: "processed" }, { pageId: "page-5", event: "bounce" }] });

    const [callback] = await target.waitFor(1);
    expect(callback!.path).toBe("/api/webhooks/sendgrid/events");
    expect(JSON.parse(callback!.body)).toMatchObject([
      { event: "processed", email: "bounce-me@example.com", pageId: "page-5", sg_message_id: expect.stringMatching(new RegExp(`^${messageId}\\.filter`)) },
      { event: "bounce", email: "bounce-me@example.com", pageId: "page-5", reason: expect.stringContaining("550") },
    ]);
    expect(verify(callback!)).toBe(true);
  });

  it("refuses a tampered body, another key, a wrong signature and garbage", async () => {
    const messageId = await sendEmail();
    await sandbox.sendSendgridEvents({ events: [{ messageId, event: "delivered" }] });
    await sandbox.sendSendgridEvents({ events: [{ messageId, event: "delivered" }], badSignature: true });
    const [good, bad] = await target.waitFor(2);
    const otherKey = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).publicKey.export({ type: "spki", format: "der" }).toString("base64");

    expect(verify(good!, { rawBody: good!.body.replace("delivered", "bounce") })).toBe(false);
    expect(verify(good!, { publicKey: otherKey })).toBe(false);
    expect(verify(bad!)).toBe(false);
    expect(verify(good!, { signature: "not a signature" })).toBe(false);
    expect(verify(good!, { signature: undefined })).toBe(false);
  });

  it("refuses a timestamp outside the replay window even with a valid signature", async () => {
    const messageId = await sendEmail();
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    await sandbox.sendSendgridEvents({ events: [{ messageId, event: "delivered" }], timestamp: hourAgo });
    const [stale] = await target.waitFor(1);

    expect(header(stale!, SENDGRID_TIMESTAMP_HEADER)).toBe(String(hourAgo));
    expect(verify(stale!)).toBe(false);
    expect(verify(stale!, { now: new Date(hourAgo * 1000 + 60_000) })).toBe(true);
    expect(verify(stale!, { maxAgeSeconds: 7200 })).toBe(true);
  });

  it("sends the same request twice on request", async () => {
    const messageId = await sendEmail();

    const deliveries = await sandbox.sendSendgridEvents({ events: [{ messageId, event: "delivered" }], twice: true });

    expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
    const [first, second] = target.received;
    expect(second).toEqual(first);
  });
});
