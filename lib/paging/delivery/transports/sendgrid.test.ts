import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type StartedSandbox } from "@/test/sandbox";
import { createSendgridTransport, type SendgridSettings } from "./sendgrid";
import type { OutgoingMessage } from "./types";

let sandbox: StartedSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.clear());

function transport(overrides: Partial<SendgridSettings> = {}) {
  return createSendgridTransport({
    apiKey: sandbox.settings.SENDGRID_API_KEY,
    from: sandbox.settings.SENDGRID_FROM,
    apiUrl: sandbox.settings.SENDGRID_API_URL,
    ...overrides,
  });
}

const email = (to = "oncall@example.com"): OutgoingMessage => ({
  pageId: "page-9",
  channel: "email",
  to,
  subject: "[SEV1] INC-7 Database down",
  body: "You are paged for INC-7.\nAcknowledge: https://firebreak.example/a/x",
});

describe("SendGrid transport", () => {
  it("sends a text email carrying the page id and returns SendGrid's message id", async () => {
    const result = await transport().send(email());

    expect(result).toEqual({ ok: true, providerId: expect.stringMatching(/^[\w-]{22}$/) });
    expect(await sandbox.messages({ provider: "sendgrid" })).toMatchObject([
      {
        channel: "email",
        to: "oncall@example.com",
        from: sandbox.settings.SENDGRID_FROM,
        subject: "[SEV1] INC-7 Database down",
        body: "You are paged for INC-7.\nAcknowledge: https://firebreak.example/a/x",
        pageId: "page-9",
        providerId: result.ok ? result.providerId : null,
        authorized: true,
        status: 202,
      },
    ]);
  });

  it("reports 503 and 429 as retryable", async () => {
    await sandbox.failNext({ provider: "sendgrid", status: 503 });
    await sandbox.failNext({ provider: "sendgrid", status: 429 });

    expect(await transport().send(email())).toMatchObject({ ok: false, retryable: true, httpStatus: 503, reason: "SendGrid 503: service unavailable" });
    expect(await transport().send(email())).toMatchObject({ ok: false, retryable: true, httpStatus: 429 });
    expect(await transport().send(email())).toMatchObject({ ok: true });
  });

  it("reports a refused message as permanent, with SendGrid's first error", async () => {
    expect(await transport().send(email("not-an-address"))).toEqual({
      ok: false,
      retryable: false,
      httpStatus: 400,
      reason: "SendGrid 400: Does not contain a valid address.",
    });
  });

  it("keeps each configuration's key: a wrong key fails permanently while another transport still sends", async () => {
    const wrong = transport({ apiKey: "SG.wrong" });
    const right = transport();

    expect(await wrong.send(email())).toMatchObject({ ok: false, retryable: false, httpStatus: 401 });
    expect(await right.send(email())).toMatchObject({ ok: true });
    expect((await sandbox.messages({ provider: "sendgrid" })).map((m) => [m.authorized, m.status])).toEqual([
      [false, 401],
      [true, 202],
    ]);
  });
});
