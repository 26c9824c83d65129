import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTwilioTransport } from "@/lib/paging/delivery/transports/twilio";
import { startCallbackTarget, startSandbox, type CallbackTarget, type ReceivedCallback, type StartedSandbox } from "@/test/sandbox";
import { TWILIO_SIGNATURE_HEADER, twilioWebhookUrl, verifyTwilioSignature } from "./twilio-signature";

// Firebreak behind a proxy: Twilio knows the public URL, the server sees another one. Set before env() is first read.
vi.stubEnv("PUBLIC_URL", "https://firebreak.example");

let target: CallbackTarget;
let sandbox: StartedSandbox;
beforeAll(async () => {
  target = await startCallbackTarget(() => ({ status: 200, body: "<Response></Response>" }));
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

async function sendSms(): Promise<string> {
  const transport = createTwilioTransport({
    accountSid: sandbox.settings.TWILIO_ACCOUNT_SID,
    authToken: sandbox.settings.TWILIO_AUTH_TOKEN,
    from: sandbox.settings.TWILIO_FROM,
    apiUrl: sandbox.settings.TWILIO_API_URL,
    statusCallbackUrl: (pageId) => `https://firebreak.example/api/webhooks/twilio/status?pageId=${pageId}`,
  });
  const result = await transport.send({ pageId: "page-3", channel: "sms", to: "+15551230003", body: "INC-3 paged" });
  if (!result.ok) throw new Error(result.reason);
  return result.providerId;
}

/** What a route handler would do with the request it received. */
function verify(callback: ReceivedCallback, overrides: { params?: Record<string, string>; authToken?: string } = {}) {
  return verifyTwilioSignature({
    authToken: overrides.authToken ?? sandbox.settings.TWILIO_AUTH_TOKEN,
    url: twilioWebhookUrl(new Request(callback.url, { method: "POST" })),
    params: overrides.params ?? Object.fromEntries(new URLSearchParams(callback.body)),
    signature: callback.headers[TWILIO_SIGNATURE_HEADER.toLowerCase()] as string | undefined,
  });
}

describe("Twilio webhook signatures", () => {
  it("rebuilds the public URL Twilio signed from the request's path and query", () => {
    expect(twilioWebhookUrl(new Request("http://10.0.0.7:3000/api/webhooks/twilio/status?pageId=p1"))).toBe(
      "https://firebreak.example/api/webhooks/twilio/status?pageId=p1",
    );
  });

  it("verifies the sandbox's status callbacks and refuses tampered ones", async () => {
    const sid = await sendSms();

    const [delivery] = await sandbox.sendTwilioStatus({ messageSid: sid, status: "undelivered", errorCode: 30003 });

    expect(delivery).toMatchObject({ status: 200, body: "<Response></Response>" });
    const [callback] = target.received;
    expect(callback!.path).toBe("/api/webhooks/twilio/status?pageId=page-3");
    const params = Object.fromEntries(new URLSearchParams(callback!.body));
    expect(params).toMatchObject({ MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "30003", AccountSid: sandbox.settings.TWILIO_ACCOUNT_SID, To: "+15551230003" });
    expect(verify(callback!)).toBe(true);
    expect(verify(callback!, { params: { ...params, MessageStatus: "delivered" } })).toBe(false);
    expect(verify(callback!, { authToken: "another-token" })).toBe(false);
    expect(verifyTwilioSignature({ authToken: sandbox.settings.TWILIO_AUTH_TOKEN, url: callback!.url, params, signature: callback!.headers["x-twilio-signature"] as string })).toBe(false);
  });

  it("sends a deliberately wrong signature, and the same callback twice, on request", async () => {
    await sendSms();

    await sandbox.sendTwilioStatus({ pageId: "page-3", status: "delivered", badSignature: true });
    await sandbox.sendTwilioStatus({ pageId: "page-3", status: "delivered", twice: true });

    const [bad, first, second] = target.received;
    expect(verify(bad!)).toBe(false);
    expect(verify(first!)).toBe(true);
    expect(second).toEqual(first);
  });

  it("posts signed inbound SMS and hands back Firebreak's answer", async () => {
    const deliveries = await sandbox.sendInboundSms({ from: "+15551230003", body: "ACK 4821" });

    expect(deliveries).toEqual([{ url: `${target.url}/api/webhooks/twilio/sms`, status: 200, body: "<Response></Response>" }]);
    const [callback] = target.received;
    expect(Object.fromEntries(new URLSearchParams(callback!.body))).toMatchObject({
      From: "+15551230003",
      To: sandbox.settings.TWILIO_FROM,
      Body: "ACK 4821",
      NumMedia: "0",
      MessageSid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
    });
    // Signed over the URL it was posted to, as Twilio signs the number's configured webhook URL.
    expect(verify(callback!, {})).toBe(false);
    expect(
      verifyTwilioSignature({
        authToken: sandbox.settings.TWILIO_AUTH_TOKEN,
        url: `${target.url}/api/webhooks/twilio/sms`,
        params: Object.fromEntries(new URLSearchParams(callback!.body)),
        signature: callback!.headers["x-twilio-signature"] as string,
      }),
    ).toBe(true);
  });
});
