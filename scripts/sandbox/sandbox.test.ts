import { afterEach, describe, expect, it, vi } from "vitest";
import { createSendgridTransport } from "@/lib/paging/delivery/transports/sendgrid";
import { createTwilioTransport } from "@/lib/paging/delivery/transports/twilio";
import type { Transport } from "@/lib/paging/delivery/transports/types";
import { startCallbackTarget, startSandbox, type CallbackTarget, type StartedSandbox } from "@/test/sandbox";

// The transports give up on a hung provider after this long instead of 10 s, so a hang test takes seconds.
const TRANSPORT_TIMEOUT_MS = 2_000;

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function setUp(answer?: Parameters<typeof startCallbackTarget>[0], options: Parameters<typeof startSandbox>[0] = {}) {
  const target = await startCallbackTarget(answer);
  const sandbox = await startSandbox({ target: target.url, ...options });
  running.push(sandbox, target);
  const sms = createTwilioTransport({
    accountSid: sandbox.settings.TWILIO_ACCOUNT_SID,
    authToken: sandbox.settings.TWILIO_AUTH_TOKEN,
    from: sandbox.settings.TWILIO_FROM,
    apiUrl: sandbox.settings.TWILIO_API_URL,
    statusCallbackUrl: (pageId) => `${target.url}/api/webhooks/twilio/status?pageId=${pageId}`,
    timeoutMs: TRANSPORT_TIMEOUT_MS,
  });
  const email = createSendgridTransport({
    apiKey: sandbox.settings.SENDGRID_API_KEY,
    from: sandbox.settings.SENDGRID_FROM,
    apiUrl: sandbox.settings.SENDGRID_API_URL,
    timeoutMs: TRANSPORT_TIMEOUT_MS,
  });
  return { target, sandbox, sms, email };
}

const page = (transport: Transport, pageId: string, to: string) =>
  transport.send({ pageId, channel: transport.name === "twilio" ? "sms" : "email", to, subject: "INC-1", body: "Paged" });

/** Generous: a busy machine may answer late, and a test must not fail for it. */
const PATIENCE = { timeout: 20_000, interval: 100 };

const mailSend = (sandbox: StartedSandbox) =>
  fetch(`${sandbox.url}/v3/mail/send`, {
    method: "POST",
    headers: { Authorization: `Bearer ${sandbox.settings.SENDGRID_API_KEY}`, "Content-Type": "application/json" },
    body: "{}",
  });

const statuses = (target: CallbackTarget, path: string) =>
  target.received.filter((callback) => callback.path.startsWith(path)).map((callback) => new URLSearchParams(callback.body));

describe("provider sandbox", () => {
  it("answers provider requests after the configured response delay, as a real provider would", async () => {
    const { sandbox, sms, email } = await setUp();
    await sandbox.configure({ responseDelayMs: 300 });
    const started = performance.now();
    const results = await Promise.all([page(sms, "p-delay-1", "+15550000101"), page(email, "p-delay-2", "ops@example.com")]);
    // A lower bound only: a busy machine may take longer, never shorter.
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await sandbox.messages()).toHaveLength(2);
    const refused = await fetch(`${sandbox.url}/_sandbox/config`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ responseDelayMs: -1 }) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: expect.stringContaining("responseDelayMs") });
  });

  it("in auto mode reports sent then delivered, or undelivered (30003) for an unreachable number", async () => {
    const { target, sms } = await setUp(undefined, { autoCallbacks: true, callbackDelayMs: 5, unreachableNumbers: ["+15550000404"] });

    await page(sms, "ok", "+15550000200");
    await page(sms, "lost", "+15550000404");
    await target.waitFor(4);

    const byPage = (pageId: string) =>
      statuses(target, `/api/webhooks/twilio/status?pageId=${pageId}`).map((params) => [params.get("MessageStatus"), params.get("ErrorCode")]);
    expect(byPage("ok")).toEqual([["sent", null], ["delivered", null]]);
    expect(byPage("lost")).toEqual([["sent", null], ["undelivered", "30003"]]);
  });

  it("in auto mode reports processed then delivered, or bounce for bouncing addresses", async () => {
    const { target, email } = await setUp(undefined, { autoCallbacks: true, callbackDelayMs: 5, bounceAddresses: ["gone@example.com"] });

    await page(email, "ok", "oncall@example.com");
    await page(email, "bounced", "bounce-test@example.com");
    await page(email, "gone", "Gone@example.com");
    await target.waitFor(6);

    const events = target.received.flatMap((callback) => JSON.parse(callback.body) as { pageId: string; event: string }[]);
    const byPage = (pageId: string) => events.filter((event) => event.pageId === pageId).map((event) => event.event);
    expect(byPage("ok")).toEqual(["processed", "delivered"]);
    expect(byPage("bounced")).toEqual(["processed", "bounce"]);
    expect(byPage("gone")).toEqual(["processed", "bounce"]);
  });

  it("retries an automatic callback while Firebreak answers 5xx", async () => {
    let calls = 0;
    const { target, sms } = await setUp(() => ({ status: ++calls === 1 ? 503 : 200 }), { autoCallbacks: true, callbackDelayMs: 5 });

    await page(sms, "retry", "+15550000200");
    await target.waitFor(3);

    expect(statuses(target, "/api/webhooks/twilio/status").map((params) => params.get("MessageStatus"))).toEqual(["sent", "sent", "delivered"]);
  });

  it("fails only the requests it was told to, for the recipient it was told", async () => {
    const { sandbox, sms } = await setUp();
    await sandbox.failNext({ provider: "twilio", status: 503, count: 2, to: "+15550000503" });

    expect(await page(sms, "a", "+15550000200")).toMatchObject({ ok: true });
    expect(await page(sms, "b", "+15550000503")).toMatchObject({ ok: false, httpStatus: 503 });
    expect(await page(sms, "c", "+15550000503")).toMatchObject({ ok: false, httpStatus: 503 });
    expect(await page(sms, "d", "+15550000503")).toMatchObject({ ok: true });
    expect((await sandbox.messages({ to: "+15550000503" })).map((message) => message.status)).toEqual([503, 503, 201]);
  });

  it.each([
    ["the next request", (sandbox: StartedSandbox) => sandbox.failNext({ provider: "sendgrid", status: 429, retryAfterSeconds: 7 })],
    ["a window", (sandbox: StartedSandbox) => sandbox.failFor({ provider: "sendgrid", status: 429, forSeconds: 600, retryAfterSeconds: 7 })],
  ])("answers 429 with Retry-After, like the providers, when told to for %s", async (_, fail) => {
    const { sandbox } = await setUp();
    await fail(sandbox);

    const response = await mailSend(sandbox);

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ message: "too many requests" })] });
  });

  it("refuses every request during a status window, for both providers when none is named, then accepts again", async () => {
    const { sandbox, sms, email } = await setUp();
    await sandbox.failFor({ status: 500, forSeconds: 2 });

    expect(await page(sms, "early", "+15550000200")).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    expect(await page(email, "early", "oncall@example.com")).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    await vi.waitFor(async () => expect(await page(sms, "later", "+15550000200")).toMatchObject({ ok: true }), PATIENCE);
    expect(await page(email, "later", "oncall@example.com")).toMatchObject({ ok: true });

    const twilio = (await sandbox.messages({ provider: "twilio" })).map((message) => message.status);
    expect(new Set(twilio.slice(0, -1))).toEqual(new Set([500]));
    expect(twilio.at(-1)).toBe(201);
    expect(await sandbox.stats()).toEqual({
      twilio: { accepted: 1, refused: { 500: twilio.length - 1 }, hung: 0 },
      sendgrid: { accepted: 1, refused: { 500: 1 }, hung: 0 },
    });
  });

  it("holds requests unanswered and unrecorded during a hang window, so the transports time out as on a network failure", async () => {
    const { sandbox, sms, email } = await setUp();
    await sandbox.failFor({ mode: "hang", forSeconds: 600 });

    const results = await Promise.all([page(sms, "hung", "+15550000200"), page(email, "hung", "oncall@example.com")]);

    expect(results).toEqual([
      { ok: false, retryable: true, reason: expect.stringMatching(/^Twilio unreachable: .*timeout/) },
      { ok: false, retryable: true, reason: expect.stringMatching(/^SendGrid unreachable: .*timeout/) },
    ]);
    expect(await sandbox.messages()).toEqual([]);
    expect(await sandbox.stats()).toEqual({ twilio: { accepted: 0, refused: {}, hung: 1 }, sendgrid: { accepted: 0, refused: {}, hung: 1 } });

    await sandbox.clear();
    expect(await page(sms, "after", "+15550000200")).toMatchObject({ ok: true });
  });

  it("drops the connections it holds when a hang window ends, and when it stops", async () => {
    const { sandbox, email } = await setUp();
    await sandbox.failFor({ provider: "sendgrid", mode: "hang", forSeconds: 1 });

    await expect(mailSend(sandbox)).rejects.toThrow("fetch failed");
    await vi.waitFor(async () => expect(await page(email, "after", "oncall@example.com")).toMatchObject({ ok: true }), PATIENCE);

    await sandbox.failFor({ mode: "hang", forSeconds: 600 });
    const held = mailSend(sandbox);
    await vi.waitFor(async () => expect((await sandbox.stats()).sendgrid.hung).toBe(2), PATIENCE);
    running.splice(running.indexOf(sandbox), 1);
    await sandbox.stop();
    await expect(held).rejects.toThrow("fetch failed");
  });

  it("refuses a malformed SendGrid request with SendGrid-shaped errors", async () => {
    const { sandbox } = await setUp();

    const response = await fetch(`${sandbox.url}/v3/mail/send`, {
      method: "POST",
      headers: { Authorization: `Bearer ${sandbox.settings.SENDGRID_API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ from: { email: "pages@firebreak.test" }, subject: "x", content: [{ type: "text/plain", value: "x" }] }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ field: "personalizations", message: expect.stringContaining("at least one personalization") })] });
  });

  it("refuses a Twilio request for another account with 401", async () => {
    const { sandbox } = await setUp();
    const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token } = sandbox.settings;
    const other = `AC${"0".repeat(32)}`;

    const response = await fetch(`${sandbox.url}/2010-04-01/Accounts/${other}/Messages.json`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}` },
      body: new URLSearchParams({ To: "+15550000200", From: "+15005550006", Body: "x" }),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 20003, status: 401 });
    expect(await sandbox.messages()).toMatchObject([{ authorized: false, status: 401 }]);
  });

  it("rejects control requests that name a wrong field, saying which", async () => {
    const { sandbox } = await setUp();

    await expect(sandbox.failNext({ provider: "twilio", status: 418 as 429 })).rejects.toThrow("status: must be 429, 500 or 503");
    await expect(sandbox.failFor({ status: 500, forSeconds: 0 })).rejects.toThrow("HTTP 400: forSeconds: must be more than 0");
    await expect(sandbox.failFor({ status: 500, forSeconds: 5, count: 2 } as never)).rejects.toThrow("forSeconds: give either count or forSeconds, not both");
    await expect(sandbox.failFor({ mode: "hang", forSeconds: 5, status: 503 } as never)).rejects.toThrow('status: is not used with mode "hang"');
    await expect(sandbox.failFor({ mode: "sleep" as "hang", forSeconds: 5 })).rejects.toThrow('mode: must be "hang", or left out');
    await expect(sandbox.sendTwilioStatus({ pageId: "nothing-sent", status: "delivered" })).rejects.toThrow("HTTP 404");
    await expect(sandbox.waitForMessages({ pageId: "never" }, 1, 100)).rejects.toThrow("expected 1 message(s)");
  });

  it("reports a callback that cannot reach Firebreak", async () => {
    const { sandbox, target } = await setUp();
    await target.stop();

    await expect(sandbox.sendInboundSms({ from: "+15550000200", body: "ACK" })).rejects.toThrow(/HTTP 502: could not reach/);
  });
});
