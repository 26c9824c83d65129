import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { startSandbox, type StartedSandbox } from "@/test/sandbox";
import { applyProviderStatus } from "./provider-status";
import { smsSegments } from "@/lib/templates/segments";
import { SMS_MAX_SEGMENTS } from "@/lib/templates/sms-fit";
import { pageSendJob } from "@/lib/paging/jobs";
import { MIN_SEND_ATTEMPTS, RETRY_WINDOW_MS, retryDelayMs, sendPage, sendPages } from "./send";
import { SendLimit, shareProvidersAmong } from "./send-limits";
import { createSendgridTransport, createTwilioTransport, type Transport } from "@/lib/paging/delivery/transports/index";

// Pages handed to the real Twilio and SendGrid SDKs, pointed at the provider sandbox.

let sandbox: StartedSandbox;
let transports: Record<"sms" | "email", Transport>;
let world: IncidentWorld;
const SECURITY_PHONE = "+12345678902";

beforeAll(async () => {
  sandbox = await startSandbox();
  const settings = sandbox.settings;
  transports = {
    sms: createTwilioTransport({
      accountSid: settings.TWILIO_ACCOUNT_SID,
      authToken: settings.TWILIO_AUTH_TOKEN,
      from: settings.TWILIO_FROM,
      apiUrl: settings.TWILIO_API_URL,
      statusCallbackUrl: (pageId) => `http://127.0.0.1:1/api/webhooks/twilio/status?pageId=${pageId}`,
    }),
    email: createSendgridTransport({ apiKey: settings.SENDGRID_API_KEY, from: settings.SENDGRID_FROM, apiUrl: settings.SENDGRID_API_URL }),
  };
});
afterAll(() => sandbox.stop());

beforeEach(async () => {
  await sandbox.clear();
  world = await freshIncidentWorld(db);
});

const send = (pageId: string) => sendPage(db, pageId, (channel) => transports[channel]);

async function declareCritical() {
  return declareIncident(
    db,
    { title: "Bridge relayer stalled", severityId: world.severities.critical, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
    world.users.commander,
  );
}

const pageTo = (incidentId: string, recipient: string) => db.page.findFirstOrThrow({ where: { incidentId, recipient } });

describe("sending a page", () => {
  it("hands the rendered SMS to Twilio once and records the provider id", async () => {
    const incident = await declareCritical();
    const page = await pageTo(incident.id, SECURITY_PHONE);
    await send(page.id);
    await send(page.id);

    const received = await sandbox.messages({ pageId: page.id });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ provider: "twilio", to: SECURITY_PHONE, body: page.body, authorized: true, status: 201 });
    const stored = await db.page.findUniqueOrThrow({ where: { id: page.id }, include: { sendAttempts: true } });
    expect(stored).toMatchObject({ status: "sent", providerId: received[0]!.providerId, attempts: 1 });
    expect(stored.sendAttempts.map((attempt) => attempt.outcome)).toEqual(["sent"]);
  });

  it("retries a 429 with backoff, then sends exactly once", async () => {
    const incident = await declareCritical();
    const page = await pageTo(incident.id, SECURITY_PHONE);
    await sandbox.failNext({ provider: "twilio", status: 429, to: SECURITY_PHONE });
    await send(page.id);

    const afterFirst = await db.page.findUniqueOrThrow({ where: { id: page.id } });
    expect(afterFirst).toMatchObject({ status: "queued", attempts: 1 });
    expect(afterFirst.error).toContain("429");
    const retry = await db.$queryRaw<{ run_at: Date }[]>`
      SELECT run_at FROM graphile_worker._private_jobs WHERE payload->'pageIds'->>0 = ${page.id} ORDER BY id DESC LIMIT 1`;
    expect(retry[0]!.run_at.getTime()).toBeGreaterThan(Date.now());

    await send(page.id);
    const accepted = (await sandbox.messages({ pageId: page.id })).filter((message) => message.status === 201);
    expect(accepted).toHaveLength(1);
    const stored = await db.page.findUniqueOrThrow({ where: { id: page.id }, include: { sendAttempts: { orderBy: { number: "asc" } } } });
    expect(stored.status).toBe("sent");
    expect(stored.sendAttempts.map((attempt) => [attempt.outcome, attempt.httpStatus])).toEqual([["retry", 429], ["sent", null]]);
  });

  /** Earlier attempts that met the provider's errors, the first of them `startedMsAgo`. */
  async function failedBefore(pageId: string, attempts: number, startedMsAgo: number) {
    await db.page.update({ where: { id: pageId }, data: { attempts } });
    await db.pageAttempt.createMany({
      data: Array.from({ length: attempts }, (_, index) => ({
        pageId,
        number: index + 1,
        startedAt: new Date(Date.now() - startedMsAgo + index * 1000),
        finishedAt: new Date(Date.now() - startedMsAgo + index * 1000),
        outcome: "retry",
        httpStatus: 503,
      })),
    });
  }

  it("gives up once it has had its attempts and the retry window has passed", async () => {
    const incident = await declareCritical();
    const page = await pageTo(incident.id, SECURITY_PHONE);
    await failedBefore(page.id, MIN_SEND_ATTEMPTS - 1, RETRY_WINDOW_MS + 60_000);
    await sandbox.failNext({ provider: "twilio", status: 503, to: SECURITY_PHONE });
    await send(page.id);
    const stored = await db.page.findUniqueOrThrow({ where: { id: page.id } });
    expect(stored.status).toBe("failed");
    expect(stored.error).toMatch(/^Gave up after 8 attempts/);
  });

  it("keeps retrying through a provider outage shorter than the retry window, however many attempts it took", async () => {
    const incident = await declareCritical();
    const page = await pageTo(incident.id, SECURITY_PHONE);
    await failedBefore(page.id, MIN_SEND_ATTEMPTS + 4, 90_000);
    await sandbox.failNext({ provider: "twilio", status: 500, to: SECURITY_PHONE });
    await send(page.id);
    expect(await db.page.findUniqueOrThrow({ where: { id: page.id } })).toMatchObject({ status: "queued", attempts: MIN_SEND_ATTEMPTS + 5 });
    await send(page.id);
    expect(await db.page.findUniqueOrThrow({ where: { id: page.id } })).toMatchObject({ status: "sent" });
  });

  it("records an invalid number as failed with Twilio's reason, and pages the person by email instead", async () => {
    const security = await db.contact.update({ where: { emergencyKey: "security" }, data: { phone: "+15005550001", acceptsEmail: false } });
    const incident = await declareCritical();
    expect(await db.page.count({ where: { incidentId: incident.id, contactId: security.id } })).toBe(1);
    const sms = await pageTo(incident.id, "+15005550001");
    await send(sms.id);

    const failed = await db.page.findUniqueOrThrow({ where: { id: sms.id }, include: { fallback: true } });
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("Twilio 21211");
    expect(failed.fallback).toMatchObject({ channel: "email", recipient: security.email, kind: "incident", step: sms.step, status: "queued" });

    await send(failed.fallback!.id);
    const email = await sandbox.messages({ pageId: failed.fallback!.id });
    expect(email).toHaveLength(1);
    expect(email[0]).toMatchObject({ provider: "sendgrid", to: security.email, subject: failed.fallback!.subject });
  });

  it("sends an incident with a 2,000-character impact as an SMS of at most four parts, its link and ACK instruction whole", async () => {
    const incident = await declareIncident(
      db,
      { title: "Bridge relayer stalled", severityId: world.severities.critical, systemIds: [world.systems.bridge.id], impact: "Relayer lag above threshold. ".repeat(68), description: "" },
      world.users.commander,
    );
    const page = await pageTo(incident.id, SECURITY_PHONE);
    await send(page.id);

    const [received] = await sandbox.messages({ pageId: page.id });
    expect(received).toMatchObject({ status: 201, body: page.body });
    expect(smsSegments(page.body).segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
    expect(page.body).toContain(`/incidents/INC-${incident.number}`);
    expect(page.body).toContain(`Reply ACK ${incident.number} to acknowledge`);
  });

  it("does not send an incident page once the incident is acknowledged", async () => {
    const incident = await declareCritical();
    const page = await pageTo(incident.id, SECURITY_PHONE);
    await db.incident.update({ where: { id: incident.id }, data: { acknowledgedAt: new Date() } });
    await send(page.id);
    expect(await sandbox.messages({ pageId: page.id })).toHaveLength(0);
    expect((await db.page.findUniqueOrThrow({ where: { id: page.id } })).status).toBe("cancelled");
  });

  it("resends after a worker stopped mid-call, marking the lost attempt unknown", async () => {
    const incident = await declareCritical();
    const page = await pageTo(incident.id, SECURITY_PHONE);
    // What a SIGKILL between the attempt record and the provider's answer leaves behind.
    await db.page.update({ where: { id: page.id }, data: { status: "sending", attempts: 1 } });
    await db.pageAttempt.create({ data: { pageId: page.id, number: 1 } });
    await send(page.id);
    const stored = await db.page.findUniqueOrThrow({ where: { id: page.id }, include: { sendAttempts: { orderBy: { number: "asc" } } } });
    expect(stored.status).toBe("sent");
    expect(stored.sendAttempts.map((attempt) => attempt.outcome)).toEqual(["unknown", "sent"]);
    expect(await sandbox.messages({ pageId: page.id })).toHaveLength(1);
  });

  describe("a page whose earlier attempt ended unheard", () => {
    /** The page as a worker left it after handing it to Twilio: `ending` says how the attempt ended. */
    async function handedOver(ending: "worker killed" | "no answer" | "provider error") {
      const incident = await declareCritical();
      const page = await pageTo(incident.id, SECURITY_PHONE);
      const first = await transports.sms.send({ pageId: page.id, channel: "sms", to: page.recipient, body: page.body });
      expect(first.ok).toBe(true);
      const finished =
        ending === "worker killed" ? {} : { finishedAt: new Date(), outcome: "retry", httpStatus: ending === "provider error" ? 500 : null };
      await db.page.update({ where: { id: page.id }, data: { status: ending === "worker killed" ? "sending" : "queued", attempts: 1 } });
      await db.pageAttempt.create({ data: { pageId: page.id, number: 1, ...finished } });
      return { page, providerId: first.ok ? first.providerId : "" };
    }

    it.each(["worker killed", "no answer"] as const)("is not sent again when Twilio already has it (%s)", async (ending) => {
      const { page, providerId } = await handedOver(ending);
      await send(page.id);

      expect(await sandbox.messages({ pageId: page.id })).toHaveLength(1);
      const stored = await db.page.findUniqueOrThrow({ where: { id: page.id }, include: { sendAttempts: { orderBy: { number: "asc" } } } });
      expect(stored).toMatchObject({ status: "sent", providerId });
      expect(stored.sendAttempts.map((attempt) => attempt.outcome)).toEqual([ending === "worker killed" ? "unknown" : "retry", "sent"]);
    });

    it("is sent again when the provider answered an error: it took nothing", async () => {
      const { page } = await handedOver("provider error");
      await send(page.id);
      expect(await sandbox.messages({ pageId: page.id })).toHaveLength(2);
    });

    it("is sent again when the provider cannot be asked: twice beats never", async () => {
      const { page } = await handedOver("worker killed");
      const blind: Transport = { name: "twilio", send: (message) => transports.sms.send(message), findSent: () => Promise.reject(new Error("connect ECONNREFUSED")) };
      await sendPage(db, page.id, () => blind);
      expect(await sandbox.messages({ pageId: page.id })).toHaveLength(2);
      expect((await db.page.findUniqueOrThrow({ where: { id: page.id } })).status).toBe("sent");
    });
  });
});

describe("sending a set of pages", () => {
  it("hands them to their providers side by side within each provider's share, and records every one", async () => {
    const incident = await declareCritical();
    const pages = await db.page.findMany({ where: { incidentId: incident.id }, select: { id: true, channel: true } });
    expect(pages.filter((page) => page.channel === "sms").length).toBeGreaterThan(2);
    expect(pages.filter((page) => page.channel === "email").length).toBeGreaterThan(2);
    // 50 workers alive: each takes 2 of an account's 100.
    shareProvidersAmong(50);
    await sandbox.configure({ responseDelayMs: 50 });
    const open = { sms: 0, email: 0 };
    const most = { sms: 0, email: 0 };
    const counted = (channel: "sms" | "email"): Transport => ({
      name: transports[channel].name,
      async send(message) {
        open[channel] += 1;
        most[channel] = Math.max(most[channel], open[channel]);
        try {
          return await transports[channel].send(message);
        } finally {
          open[channel] -= 1;
        }
      },
    });
    try {
      await sendPages(db, pages.map((page) => page.id), counted);
    } finally {
      shareProvidersAmong(1);
      await sandbox.configure({ responseDelayMs: 0 });
    }
    expect(most).toEqual({ sms: 2, email: 2 });
    const stored = await db.page.findMany({ where: { incidentId: incident.id }, include: { sendAttempts: true } });
    expect(stored.every((page) => page.status === "sent" && page.providerId && page.sendAttempts.length === 1 && page.sendAttempts[0]!.outcome === "sent")).toBe(true);
    expect(await sandbox.messages()).toHaveLength(pages.length);
  });

  it("reads a job queued before sets, with one page id, as a set of one", () => {
    const pageId = "0b7e4b8e-3f3c-4c5e-9a53-2f1c1f7e8a10";
    expect(pageSendJob.payload.parse({ pageId })).toEqual({ pageIds: [pageId] });
    expect(pageSendJob.payload.safeParse({ pageIds: [] }).success).toBe(false);
  });
});

describe("SendLimit", () => {
  it("admits at most its size at once, and more as soon as it grows", async () => {
    const limit = new SendLimit(1);
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const runs = [1, 2, 3].map((n) =>
      limit.run(
        () =>
          new Promise<void>((resolve) => {
            started.push(n);
            releases.push(resolve);
          }),
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1]);
    limit.resize(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2, 3]);
    releases.forEach((release) => release());
    await Promise.all(runs);
  });
});

describe("provider callbacks", () => {
  it("move a page forward only, apply each event once, and fail over to the other channel on a bounce", async () => {
    const incident = await declareCritical();
    const sms = await pageTo(incident.id, SECURITY_PHONE);
    await send(sms.id);
    const { providerId } = await db.page.findUniqueOrThrow({ where: { id: sms.id } });
    const event = (status: "sent" | "delivered" | "failed", key = `${providerId}:${status}`) =>
      applyProviderStatus(db, { provider: "twilio", eventKey: key, pageId: sms.id, providerId, status, at: new Date() });

    expect(await event("delivered")).toBe("applied");
    expect(await event("delivered")).toBe("duplicate");
    expect(await event("sent")).toBe("stale");
    expect((await db.page.findUniqueOrThrow({ where: { id: sms.id } })).status).toBe("delivered");

    const email = await pageTo(incident.id, "security@chain138.com");
    await send(email.id);
    const bounce = { provider: "sendgrid" as const, eventKey: "sg-event-1", pageId: email.id, status: "failed" as const, reason: "SendGrid bounce: 550 no such user", at: new Date() };
    expect(await applyProviderStatus(db, bounce)).toBe("applied");
    expect(await applyProviderStatus(db, bounce)).toBe("duplicate");
    const failed = await db.page.findUniqueOrThrow({ where: { id: email.id }, include: { fallback: true } });
    expect(failed).toMatchObject({ status: "failed", error: "SendGrid bounce: 550 no such user" });
    // The person already has this notification by SMS: no second SMS.
    expect(failed.fallback).toBeNull();
  });
});

describe("retryDelayMs", () => {
  it("doubles from a second up to 15 s, with jitter", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(1000);
    expect(retryDelayMs(3, () => 0.5)).toBe(4000);
    expect(retryDelayMs(20, () => 0.5)).toBe(15_000);
    expect(retryDelayMs(2, () => 0)).toBe(1500);
  });
});
