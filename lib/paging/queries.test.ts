import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import { acknowledgeIncident } from "@/lib/command/lifecycle";
import { seedIncidentWorld } from "@/test/incident-fixtures";
import { resetDatabase } from "@/test/reset-database";
import { replyFromOutbox } from "@/lib/paging/outbox/reply";
import { getIncidentPaging, listOutboxPages } from "./queries";
import { sendPage } from "@/lib/paging/delivery/send";
import { createOutboxTransport } from "@/lib/paging/delivery/transports/index";
import type { Transport } from "@/lib/paging/delivery/transports/types";

let world: Awaited<ReturnType<typeof seedIncidentWorld>>;
const T0 = new Date("2026-04-01T21:10:00Z");
const admin = { id: null, label: "admin@example.test" };

beforeEach(async () => {
  await resetDatabase(db);
  world = await seedIncidentWorld(db);
});

function declare(title: string, at: Date) {
  return declareIncident(db, { title, severityId: world.severities.critical, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" }, world.users.commander, at);
}

const outbox = () => createOutboxTransport();
const pageOf = async (incidentId: string, recipientName: string, channel: "sms" | "email") =>
  db.page.findFirstOrThrow({ where: { incidentId, recipientName, channel, kind: "incident" }, select: { id: true } });

describe("getIncidentPaging", () => {
  it("lists every page of a declared incident and where each escalation stands", async () => {
    const incident = await declare("Bridge relayer stalled", T0);
    const paging = (await getIncidentPaging(db, incident.id))!;

    expect(paging.acknowledgement).toBeNull();
    // Critical pages all stakeholders: the emergency contacts at once, and every team by its plan chain.
    expect(paging.escalations.map((e) => [e.label, e.status, e.nextStep, e.stepCount, e.nextStepAt])).toEqual([
      ["Blockchain", "active", 2, 4, "2026-04-01T21:15:00.000Z"],
      ["Infrastructure", "active", 2, 4, "2026-04-01T21:15:00.000Z"],
      ["Security", "active", 2, 4, "2026-04-01T21:15:00.000Z"],
      ["Severity audience (All stakeholders)", "exhausted", 1, 1, null],
    ]);
    const jane = paging.pages.filter((page) => page.recipientName === "Jane Smith");
    expect(jane.map((page) => [page.channel, page.recipient, page.kind, page.step, page.round, page.status, page.attempts, page.providerId])).toEqual([
      ["sms", "+12345678901", "incident", 1, 0, "queued", 0, null],
      ["email", "operations@chain138.com", "incident", 1, 0, "queued", 0, null],
    ]);
    // Team members have no phone in the plan's files: they are paged by email.
    const lead = paging.pages.filter((page) => page.recipientName === "Blockchain Lead");
    expect(lead.map((page) => [page.channel, page.escalation])).toEqual([["email", "Blockchain"]]);
    expect(paging.pages).toHaveLength(6 + 9);
    expect(paging.pages.every((page) => page.queuedAt === T0.toISOString())).toBe(true);
    // Plain JSON, as the route handler sends it.
    expect(JSON.parse(JSON.stringify(paging))).toEqual(paging);
  });

  it("shows the provider's id once a page is handed over, a refusal with its reason, and the fallback it caused", async () => {
    await db.contact.updateMany({ where: { name: "John Doe" }, data: { acceptsEmail: false } });
    const incident = await declare("Bridge relayer stalled", T0);
    const sms = await pageOf(incident.id, "Jane Smith", "sms");
    await sendPage(db, sms.id, outbox);
    const refused: Transport = { name: "twilio", send: async () => ({ ok: false, retryable: false, reason: "Twilio 21211: Invalid 'To' Phone Number", httpStatus: 400 }) };
    const johnSms = await pageOf(incident.id, "John Doe", "sms");
    await sendPage(db, johnSms.id, () => refused);

    const { pages } = (await getIncidentPaging(db, incident.id))!;
    expect(pages.find((page) => page.id === sms.id)).toMatchObject({ status: "sent", attempts: 1, providerId: `outbox-${sms.id}`, error: null });
    expect(pages.find((page) => page.id === sms.id)!.sentAt).not.toBeNull();
    const failed = pages.find((page) => page.id === johnSms.id)!;
    expect(failed).toMatchObject({ status: "failed", attempts: 1, error: "Twilio 21211: Invalid 'To' Phone Number" });
    expect(failed.failedAt).not.toBeNull();
    expect(pages.filter((page) => page.fallbackForId === johnSms.id).map((page) => [page.recipientName, page.channel, page.status])).toEqual([
      ["John Doe", "email", "queued"],
    ]);
  });

  it("says who acknowledged and how, and that the escalations stopped", async () => {
    const incident = await declare("Bridge relayer stalled", T0);
    await acknowledgeIncident(db, incident.id, { ...world.users.responder, name: "Rita Responder" }, new Date("2026-04-01T21:12:00Z"));
    const paging = (await getIncidentPaging(db, incident.id))!;
    expect(paging.acknowledgement).toEqual({ by: "Rita Responder", via: "app", at: "2026-04-01T21:12:00.000Z" });
    expect(paging.escalations.filter((e) => e.status === "active")).toEqual([]);
    // Nothing had been handed to a provider yet, so every incident page was cancelled.
    expect(new Set(paging.pages.map((page) => page.status))).toEqual(new Set(["cancelled"]));
  });

  it("is null for an incident that does not exist", async () => {
    expect(await getIncidentPaging(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("listOutboxPages", () => {
  it("lists what the outbox kept, newest first, with the incident and the text as sent", async () => {
    const first = await declare("Bridge relayer stalled", T0);
    const second = await declare("Validator offline", new Date("2026-04-01T22:00:00Z"));
    const email = await pageOf(first.id, "Jane Smith", "email");
    const sms = await pageOf(second.id, "Jane Smith", "sms");
    await sendPage(db, email.id, outbox);
    await sendPage(db, sms.id, outbox);

    const messages = await listOutboxPages(db, { limit: 10 });
    // Pages still queued were not handed to the outbox and are not in it.
    expect(messages.map((message) => message.id)).toEqual([sms.id, email.id]);
    expect(messages[0]).toMatchObject({
      channel: "sms",
      kind: "incident",
      recipientName: "Jane Smith",
      recipient: "+12345678901",
      subject: null,
      status: "sent",
      incident: { id: second.id, number: second.number, reference: `INC-${second.number}`, title: "Validator offline", status: "declared" },
    });
    expect(messages[0]!.body).toContain(`Reply ACK ${second.number} to acknowledge`);
    expect(messages[1]!.subject).toBe(`[critical] INC-${first.number} Bridge relayer stalled`);
    expect(messages[1]!.body).toMatch(/Acknowledge: http:\/\/\S+\/ack\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    expect(await listOutboxPages(db, { limit: 1 })).toHaveLength(1);
  });
});

describe("replyFromOutbox", () => {
  it("acknowledges as the paged phone, and the confirmation SMS reaches the outbox in turn", async () => {
    const incident = await declare("Bridge relayer stalled", T0);
    const sms = await pageOf(incident.id, "Jane Smith", "sms");
    await sendPage(db, sms.id, outbox);

    const result = await replyFromOutbox(db, { pageId: sms.id, body: `ACK ${incident.number}` }, admin, new Date("2026-04-01T21:13:00Z"));
    expect(result).toEqual({ acknowledged: `INC-${incident.number}`, reply: null });

    const paging = (await getIncidentPaging(db, incident.id))!;
    expect(paging.acknowledgement).toEqual({ by: "Jane Smith", via: "sms", at: "2026-04-01T21:13:00.000Z" });
    expect(paging.pages.find((page) => page.id === sms.id)).toMatchObject({ acknowledgedVia: "sms", acknowledgedAt: "2026-04-01T21:13:00.000Z" });
    const confirmation = paging.pages.find((page) => page.kind === "confirmation")!;
    expect(confirmation).toMatchObject({ recipientName: "Jane Smith", channel: "sms", status: "queued" });

    await sendPage(db, confirmation.id, outbox);
    const [newest] = await listOutboxPages(db);
    expect(newest).toMatchObject({ id: confirmation.id, kind: "confirmation", body: `Acknowledged INC-${incident.number}: Bridge relayer stalled. Escalation stopped. Thank you.` });
    expect(await db.auditEntry.count({ where: { action: "paging.outbox_reply", actorLabel: admin.label, targetId: incident.id } })).toBe(1);
  });

  it("answers a reply that is not an acknowledgement without changing anything", async () => {
    const incident = await declare("Bridge relayer stalled", T0);
    const sms = await pageOf(incident.id, "Jane Smith", "sms");
    await sendPage(db, sms.id, outbox);
    const result = await replyFromOutbox(db, { pageId: sms.id, body: "on my way" }, admin);
    expect(result.acknowledged).toBeNull();
    expect(result.reply).toContain("reply ACK");
    expect((await getIncidentPaging(db, incident.id))!.acknowledgement).toBeNull();
  });

  it("refuses an email and a page the outbox never received", async () => {
    const incident = await declare("Bridge relayer stalled", T0);
    const email = await pageOf(incident.id, "Jane Smith", "email");
    const queued = await pageOf(incident.id, "John Doe", "sms");
    await sendPage(db, email.id, outbox);
    await expect(replyFromOutbox(db, { pageId: email.id, body: "ACK" }, admin)).rejects.toThrow("Only an SMS can be replied to");
    await expect(replyFromOutbox(db, { pageId: queued.id, body: "ACK" }, admin)).rejects.toThrow("That message is not in the dev outbox.");
    expect((await getIncidentPaging(db, incident.id))!.acknowledgement).toBeNull();
  });
});
