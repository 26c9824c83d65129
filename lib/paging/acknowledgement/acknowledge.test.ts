import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { handOverPages } from "@/test/paging-fixtures";
import { handleInboundSms, parseAckReply } from "./inbound-sms";
import { acknowledgeByLink, describePageLink } from "./link-ack";
import { signPageLink } from "./link-token";

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const CTO_PHONE = "+12345678900";

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

const declare = (title = "Bridge relayer stalled") =>
  declareIncident(db, { title, severityId: world.severities.critical, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" }, world.users.commander, t0);

describe("parseAckReply", () => {
  it("reads ACK with or without a code, in any case, and nothing else", () => {
    expect(parseAckReply("ACK")).toEqual({ code: null });
    expect(parseAckReply(" ack 42 ")).toEqual({ code: "42" });
    expect(parseAckReply("Ack INC-42.")).toEqual({ code: "42" });
    expect(parseAckReply("acknowledged")).toBeNull();
    expect(parseAckReply("ACK 42; DROP TABLE")).toBeNull();
  });
});

describe("acknowledging by SMS reply", () => {
  it("acknowledges the one open page, stops the escalation, records who and how, and queues a confirmation SMS", async () => {
    const incident = await declare();
    const result = await handleInboundSms(db, { from: CTO_PHONE, body: "ACK", messageId: "SM-reply-1" }, later(2));
    expect(result).toEqual({ acknowledged: `INC-${incident.number}`, reply: null });

    const stored = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(stored).toMatchObject({ status: "acknowledged", acknowledgedAt: later(2), acknowledgedBy: "John Doe", acknowledgedVia: "sms" });
    expect(await db.escalation.count({ where: { incidentId: incident.id, status: "active" } })).toBe(0);
    const event = await db.incidentEvent.findFirstOrThrow({ where: { incidentId: incident.id, kind: "acknowledged" } });
    expect(event.data).toEqual({ by: "John Doe", via: "sms" });
    const confirmation = await db.page.findFirstOrThrow({ where: { incidentId: incident.id, kind: "confirmation" } });
    expect(confirmation).toMatchObject({ recipient: CTO_PHONE, channel: "sms", status: "queued" });
    expect(confirmation.body).toContain(`Acknowledged INC-${incident.number}`);

    // The same reply delivered twice (Twilio retries) sends one confirmation.
    await handleInboundSms(db, { from: CTO_PHONE, body: "ACK", messageId: "SM-reply-1" }, later(3));
    expect(await db.page.count({ where: { kind: "confirmation" } })).toBe(1);
  });

  it("asks which one when the person has several open pages, and ACK <code> picks it", async () => {
    const first = await declare("First");
    const second = await declare("Second");
    const ambiguous = await handleInboundSms(db, { from: CTO_PHONE, body: "ack", messageId: "SM-a" }, later(1));
    expect(ambiguous.acknowledged).toBeNull();
    expect(ambiguous.reply).toContain(`INC-${first.number}`);
    expect(ambiguous.reply).toContain(`INC-${second.number}`);
    expect(await db.incident.count({ where: { status: "acknowledged" } })).toBe(0);

    const chosen = await handleInboundSms(db, { from: CTO_PHONE, body: `ACK ${second.number}`, messageId: "SM-b" }, later(2));
    expect(chosen.acknowledged).toBe(`INC-${second.number}`);
    expect((await db.incident.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("declared");
  });

  it("tells a second responder who acknowledged first, without changing the incident", async () => {
    const incident = await declare();
    await handOverPages(db, incident.id);
    await handleInboundSms(db, { from: CTO_PHONE, body: "ACK", messageId: "SM-1" }, later(1));
    // A bare ACK finds nothing waiting and says who has it; naming the incident records theirs too.
    expect((await handleInboundSms(db, { from: "+12345678901", body: "ACK", messageId: "SM-2" }, later(2))).reply).toContain("already acknowledged by John Doe");
    await handleInboundSms(db, { from: "+12345678901", body: `ACK ${incident.number}`, messageId: "SM-3" }, later(2));
    const stored = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(stored).toMatchObject({ acknowledgedBy: "John Doe", acknowledgedAt: later(1) });
    const second = await db.page.findFirstOrThrow({ where: { incidentId: incident.id, kind: "confirmation", recipient: "+12345678901" } });
    expect(second.body).toContain("already acknowledged by John Doe");
  });

  it("answers an unknown number with nothing, and anything but ACK with help", async () => {
    await declare();
    expect(await handleInboundSms(db, { from: "+19999999999", body: "ACK", messageId: "SM-x" })).toEqual({ acknowledged: null, reply: null });
    expect((await handleInboundSms(db, { from: CTO_PHONE, body: "hello", messageId: "SM-y" })).reply).toContain("reply ACK");
    expect(await db.incident.count({ where: { status: "acknowledged" } })).toBe(0);
  });
});

describe("acknowledging by the email link", () => {
  it("works once, without a session, and records the contact and the channel", async () => {
    const incident = await declare();
    const page = await db.page.findFirstOrThrow({ where: { incidentId: incident.id, channel: "email", recipient: "operations@chain138.com" } });
    const token = /\/ack\/([A-Za-z0-9_.-]+)/.exec(page.body)![1]!;
    expect(await describePageLink(db, token, later(1))).toMatchObject({ state: "ready", reference: `INC-${incident.number}`, recipientName: "Jane Smith" });

    expect(await acknowledgeByLink(db, token, later(1))).toMatchObject({ ok: true });
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ acknowledgedBy: "Jane Smith", acknowledgedVia: "email" });
    expect(await acknowledgeByLink(db, token, later(2))).toEqual({ ok: false, message: "This link was already used." });
    expect(await describePageLink(db, token, later(2))).toMatchObject({ state: "used" });
  });

  it("refuses an expired or tampered link and changes nothing", async () => {
    const incident = await declare();
    const page = await db.page.findFirstOrThrow({ where: { incidentId: incident.id, channel: "email" } });
    const expired = signPageLink(page.id, later(10));
    expect(await acknowledgeByLink(db, expired, later(11))).toEqual({ ok: false, message: "This link has expired." });
    const [payload, signature] = signPageLink(page.id, later(60)).split(".");
    const tampered = `${payload}.${signature!.slice(0, -2)}AA`;
    expect(await acknowledgeByLink(db, tampered, later(1))).toEqual({ ok: false, message: "This link is not valid." });
    expect(await describePageLink(db, "not-a-token")).toEqual({ state: "invalid" });
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe("declared");
  });
});
