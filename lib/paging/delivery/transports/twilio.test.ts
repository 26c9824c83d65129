import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "@/test/free-port";
import { startSandbox, type StartedSandbox } from "@/test/sandbox";
import { createTwilioTransport, type TwilioSettings } from "./twilio";
import type { OutgoingMessage } from "./types";

let sandbox: StartedSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.clear());

function transport(overrides: Partial<TwilioSettings> = {}) {
  return createTwilioTransport({
    accountSid: sandbox.settings.TWILIO_ACCOUNT_SID,
    authToken: sandbox.settings.TWILIO_AUTH_TOKEN,
    from: sandbox.settings.TWILIO_FROM,
    apiUrl: sandbox.settings.TWILIO_API_URL,
    statusCallbackUrl: (pageId) => `https://firebreak.example/api/webhooks/twilio/status?pageId=${pageId}`,
    ...overrides,
  });
}

const sms = (to = "+15551230001", pageId = "page-1"): OutgoingMessage => ({ pageId, channel: "sms", to, body: "INC-7 SEV1 Database down. Ack: https://firebreak.example/a/x" });

describe("Twilio transport", () => {
  it("finds a message it sent, by recipient and exact body, taken at or after a moment", async () => {
    const sent = await transport().send(sms());
    await transport().send({ ...sms(), body: "INC-8 SEV2 Another page" });
    await transport().send(sms("+15551230002"));
    const justBefore = new Date(Date.now() - 1000);

    expect(await transport().findSent!(sms(), justBefore)).toBe(sent.ok ? sent.providerId : "");
    expect(await transport().findSent!({ ...sms(), body: "INC-7 SEV1 Database down." }, justBefore)).toBeUndefined();
    expect(await transport().findSent!(sms("+15551230003"), justBefore)).toBeUndefined();
    expect(await transport().findSent!(sms(), new Date(Date.now() + 10 * 60_000))).toBeUndefined();
    expect(await sandbox.messages({ provider: "twilio" })).toHaveLength(3);
  });

  it("cannot look up with wrong credentials", async () => {
    await expect(transport({ authToken: "wrong" }).findSent!(sms(), new Date())).rejects.toThrow(/Authenticate/);
  });

  it("sends through the Messages API with the page's status callback and returns the message SID", async () => {
    const result = await transport().send(sms());

    expect(result).toEqual({ ok: true, providerId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    const [message, ...others] = await sandbox.messages({ provider: "twilio" });
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({
      channel: "sms",
      to: "+15551230001",
      from: sandbox.settings.TWILIO_FROM,
      body: "INC-7 SEV1 Database down. Ack: https://firebreak.example/a/x",
      pageId: "page-1",
      providerId: result.ok ? result.providerId : null,
      statusCallback: "https://firebreak.example/api/webhooks/twilio/status?pageId=page-1",
      authorized: true,
      status: 201,
    });
  });

  it("reports a 429 as retryable, without retrying by itself", async () => {
    await sandbox.failNext({ provider: "twilio", status: 429 });

    const result = await transport().send(sms());

    expect(result).toMatchObject({ ok: false, retryable: true, httpStatus: 429, reason: "Twilio 20429: Too Many Requests" });
    expect(await sandbox.messages({ provider: "twilio" })).toHaveLength(1);
    expect(await transport().send(sms())).toMatchObject({ ok: true });
  });

  it("reports a provider error as retryable", async () => {
    await sandbox.failNext({ provider: "twilio", status: 500 });

    expect(await transport().send(sms())).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
  });

  it("reports an invalid number as permanent, with Twilio's code and message", async () => {
    const result = await transport().send(sms("+15005550001"));

    expect(result).toEqual({
      ok: false,
      retryable: false,
      httpStatus: 400,
      reason: "Twilio 21211: The 'To' number +15005550001 is not a valid phone number.",
    });
  });

  it("reports wrong credentials as permanent, and the sandbox records them as unauthorized", async () => {
    const result = await transport({ authToken: "not-the-token" }).send(sms());

    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 401, reason: "Twilio 20003: Authenticate" });
    expect(await sandbox.messages({ provider: "twilio" })).toMatchObject([{ authorized: false, status: 401, providerId: null }]);
  });

  it("reports an unreachable API as retryable", async () => {
    const result = await transport({ apiUrl: `http://127.0.0.1:${await freePort()}` }).send(sms());

    expect(result).toMatchObject({ ok: false, retryable: true, reason: expect.stringContaining("Twilio unreachable") });
    expect(result).not.toHaveProperty("httpStatus");
  });
});
