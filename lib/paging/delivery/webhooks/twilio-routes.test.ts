import twilio from "twilio";
import { describe, expect, it, vi } from "vitest";
import { POST as receiveInboundSms } from "@/app/api/webhooks/twilio/sms/route";
import { POST as receiveStatusCallback } from "@/app/api/webhooks/twilio/status/route";
import { TWILIO_SIGNATURE_HEADER } from "./twilio-signature";

// Twilio's two webhooks through their route handlers. Set before env() is first read.
const AUTH_TOKEN = "twilio-routes-test-token";
vi.stubEnv("TWILIO_ACCOUNT_SID", `AC${"1".repeat(32)}`);
vi.stubEnv("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
vi.stubEnv("TWILIO_FROM", "+15550000000");
vi.stubEnv("PUBLIC_URL", "https://firebreak.example");

const SID = `SM${"0".repeat(32)}`;

function post(path: string, params: Record<string, string>, token = AUTH_TOKEN): Request {
  const signature = twilio.getExpectedTwilioSignature(token, `https://firebreak.example${path}`, params);
  return new Request(`http://10.0.0.7:3000${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", [TWILIO_SIGNATURE_HEADER]: signature },
    body: new URLSearchParams(params).toString(),
  });
}

describe("POST /api/webhooks/twilio/sms", () => {
  it("answers a signed reply with TwiML", async () => {
    const response = await receiveInboundSms(post("/api/webhooks/twilio/sms", { MessageSid: SID, From: "+15551230003", Body: "hello" }));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(await response.text()).toContain("<Response><Message>Firebreak: reply ACK to acknowledge");
  });

  it("refuses a forged signature with 403 and a signed malformed reply with 400 naming the field", async () => {
    const forged = await receiveInboundSms(post("/api/webhooks/twilio/sms", { MessageSid: SID, From: "+15551230003", Body: "ACK" }, "another-token"));
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: "Invalid X-Twilio-Signature" });

    const malformed = await receiveInboundSms(post("/api/webhooks/twilio/sms", { MessageSid: SID, From: "5551230003", Body: "ACK" }));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "Invalid request", fieldErrors: { From: ["must be an E.164 phone number"] } });
  });
});

describe("POST /api/webhooks/twilio/status", () => {
  it("verifies the signature over the query too, and takes the page id from it", async () => {
    const path = "/api/webhooks/twilio/status?pageId=7d8f3a52-3c1e-4f4b-9a51-0e2c5b7a9d10";

    const unknown = await receiveStatusCallback(post(path, { MessageSid: SID, MessageStatus: "delivered" }));
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ ok: true, outcome: "unknown-page" });

    const ignored = await receiveStatusCallback(post(path, { MessageSid: SID, MessageStatus: "queued" }));
    expect(await ignored.json()).toEqual({ ok: true, outcome: "ignored" });

    const signedElsewhere = post("/api/webhooks/twilio/status", { MessageSid: SID, MessageStatus: "delivered" });
    const moved = new Request(`http://10.0.0.7:3000${path}`, { method: "POST", headers: signedElsewhere.headers, body: await signedElsewhere.text() });
    expect((await receiveStatusCallback(moved)).status).toBe(403);
  });

  it("refuses a page id that is no UUID with 400 naming it", async () => {
    const response = await receiveStatusCallback(post("/api/webhooks/twilio/status?pageId=42", { MessageSid: SID, MessageStatus: "delivered" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Invalid request", fieldErrors: { pageId: ["must be a page id"] } });
  });
});

describe("Twilio webhook bodies", () => {
  it("are refused past 64 KB before anything is parsed or verified, even without a Content-Length", async () => {
    const huge = new URLSearchParams({ MessageSid: SID, From: "+15551230003", Body: "x".repeat(70 * 1024) }).toString();
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Fed in 16 KB chunks, far more than the limit: the route stops reading at the limit.
        if (pulled >= huge.length) return controller.close();
        controller.enqueue(new TextEncoder().encode(huge.slice(pulled, pulled + 16 * 1024)));
        pulled += 16 * 1024;
      },
    });
    const request = new Request("http://10.0.0.7:3000/api/webhooks/twilio/sms", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", [TWILIO_SIGNATURE_HEADER]: "anything" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await receiveInboundSms(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ fieldErrors: { body: [`the body must be at most ${64 * 1024} bytes`] } });
    expect(pulled).toBeLessThanOrEqual(96 * 1024);
  });
});
