import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncident, resolveIncident } from "@/lib/command/lifecycle";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { handOverPages } from "@/test/paging-fixtures";
import { handleInboundSms, parseAckReply, waitingText } from "./inbound-sms";

// John Doe (the CTO) and Jane Smith are both paged by SMS for critical incidents, neither for medium ones.
let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const JOHN = "+12345678900";
const JANE = "+12345678901";
let replies = 0;

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

/** A critical incident declared `minute` minutes after t0, its pages sent (so acknowledging it cancels none). */
async function declare(title: string, minute = 0, severity: keyof IncidentWorld["severities"] = "critical") {
  const incident = await declareIncident(
    db,
    { title, severityId: world.severities[severity], systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
    world.users.commander,
    later(minute),
  );
  await handOverPages(db, incident.id);
  return incident;
}

const sms = (from: string, body: string, messageId = `SM-${++replies}`) => handleInboundSms(db, { from, body, messageId }, later(30));
const incidentOf = (id: string) => db.incident.findUniqueOrThrow({ where: { id }, select: { status: true, acknowledgedBy: true, acknowledgedVia: true } });
const confirmationsTo = (recipient: string) => db.page.findMany({ where: { kind: "confirmation", recipient }, select: { incidentId: true, body: true } });
const codesIn = (text: string) => [...text.matchAll(/INC-(\d+)/g)].map((match) => Number(match[1]));

describe("parseAckReply", () => {
  it("reads ACK, ACK ALL and ACK with a code in the ways people type them, and nothing else", () => {
    expect(parseAckReply("ACK")).toEqual({ code: null });
    expect(parseAckReply("ack!")).toEqual({ code: null });
    expect(parseAckReply("Ack All.")).toEqual({ code: null, all: true });
    expect(parseAckReply(" ack inc-42 ")).toEqual({ code: "42" });
    expect(parseAckReply("ACK INC 42")).toEqual({ code: "42" });
    expect(parseAckReply("ACK 042")).toEqual({ code: "42" });
    expect(parseAckReply("ACK ALLX")).toBeNull();
    expect(parseAckReply("ACK abc")).toBeNull();
    expect(parseAckReply("acknowledged")).toBeNull();
  });
});

describe("ACK", () => {
  it("acknowledges the one incident still waiting, passing over one that someone else acknowledged", async () => {
    const taken = await declare("Bridge relayer stalled", 0);
    const waiting = await declare("Validator set drift", 1);
    await sms(JANE, `ACK ${taken.number}`);

    expect(await sms(JOHN, "ack.")).toEqual({ acknowledged: `INC-${waiting.number}`, reply: null });
    expect(await incidentOf(waiting.id)).toEqual({ status: "acknowledged", acknowledgedBy: "John Doe", acknowledgedVia: "sms" });
    expect(await incidentOf(taken.id)).toMatchObject({ acknowledgedBy: "Jane Smith" });
    expect(await confirmationsTo(JOHN)).toEqual([
      { incidentId: waiting.id, body: `Acknowledged INC-${waiting.number}: Validator set drift. Escalation stopped. Thank you.` },
    ]);
  });

  it("lists several waiting newest first, at most five, leaving out those others acknowledged, and changes nothing", async () => {
    const incidents: Awaited<ReturnType<typeof declare>>[] = [];
    for (let minute = 0; minute < 8; minute++) incidents.push(await declare(`Bridge relayer stalled on chain ${minute}`, minute));
    // Jane takes the newest and one in the middle: the list must skip both.
    await sms(JANE, `ACK ${incidents[7]!.number}`);
    await sms(JANE, `ACK ${incidents[4]!.number}`);

    const result = await sms(JOHN, "ACK");
    expect(result.acknowledged).toBeNull();
    const reply = result.reply!;
    expect(reply).toMatch(/^Firebreak: 6 incidents wait for you: /);
    expect(codesIn(reply)).toEqual([6, 5, 3, 2, 1].map((index) => incidents[index]!.number));
    expect(reply).toMatch(/ and 1 more\. Reply ACK <number> for one, or ACK ALL for all\.$/);
    expect(reply).toContain("Bridge relayer");
    // Five titles cannot share one SMS; they take two, no more.
    expect(reply.length).toBeLessThanOrEqual(2 * 153);
    expect(await db.incident.count({ where: { acknowledgedBy: "John Doe" } })).toBe(0);
    expect(await confirmationsTo(JOHN)).toEqual([]);
  });

  it("says nothing is waiting, and who took it, when everything the person was paged for is acknowledged", async () => {
    const incident = await declare("Bridge relayer stalled");
    await sms(JANE, "ACK");
    expect(await sms(JOHN, "ACK")).toEqual({ acknowledged: null, reply: `Firebreak: nothing is waiting for you; INC-${incident.number} was already acknowledged by Jane Smith.` });
    expect(await db.page.count({ where: { incidentId: incident.id, recipient: JOHN, acknowledgedAt: { not: null } } })).toBe(0);
  });

  it("answers an unknown number with nothing, and anything but ACK with help that mentions ACK ALL", async () => {
    const incident = await declare("Bridge relayer stalled");
    expect(await sms("+19999999999", "ACK")).toEqual({ acknowledged: null, reply: null });
    expect(await sms("+19999999999", `ACK ${incident.number}`)).toEqual({ acknowledged: null, reply: null });
    const help = (await sms(JOHN, "on my way")).reply!;
    expect(help).toContain("reply ACK to acknowledge");
    expect(help).toContain("ACK ALL");
    expect((await incidentOf(incident.id)).status).toBe("declared");
    expect(await db.page.count({ where: { kind: "confirmation" } })).toBe(0);
  });
});

describe("waitingText", () => {
  it("fits one SMS for a few incidents, cutting long titles at a word", () => {
    const text = waitingText([
      { number: 45, title: "Bridge relayer stalled after the validator set rotation on mainnet" },
      { number: 44, title: "Monitoring gap" },
      { number: 43, title: "Withdrawals delayed for users of the canonical bridge contract" },
    ]);
    expect(text).toBe(
      "Firebreak: 3 incidents wait for you: INC-45 Bridge relayer, INC-44 Monitoring gap, INC-43 Withdrawals. Reply ACK <number> for one, or ACK ALL for all.",
    );
    expect(text.length).toBeLessThanOrEqual(160);
  });
});

describe("ACK ALL", () => {
  it("acknowledges every waiting incident and sends one confirmation naming them, once however often the reply arrives", async () => {
    const oldest = await declare("Bridge relayer stalled", 0);
    const taken = await declare("Validator set drift", 1);
    const newest = await declare("Monitoring gap", 2);
    await sms(JANE, `ACK ${taken.number}`);

    const result = await sms(JOHN, "ack all", "SM-all");
    expect(result).toEqual({ acknowledged: `INC-${newest.number}, INC-${oldest.number}`, reply: null });
    expect(await incidentOf(oldest.id)).toEqual({ status: "acknowledged", acknowledgedBy: "John Doe", acknowledgedVia: "sms" });
    expect(await incidentOf(newest.id)).toEqual({ status: "acknowledged", acknowledgedBy: "John Doe", acknowledgedVia: "sms" });
    expect(await incidentOf(taken.id)).toMatchObject({ acknowledgedBy: "Jane Smith" });
    expect(await db.escalation.count({ where: { status: "active" } })).toBe(0);
    const expected = [{ incidentId: newest.id, body: `Acknowledged INC-${newest.number}, INC-${oldest.number}. Escalation stopped. Thank you.` }];
    expect(await confirmationsTo(JOHN)).toEqual(expected);

    // Twilio delivers the same reply again: no second confirmation, and no "nothing is waiting" reply either.
    expect(await sms(JOHN, "ack all", "SM-all")).toEqual({ acknowledged: null, reply: null });
    expect(await confirmationsTo(JOHN)).toEqual(expected);
  });

  it("with nothing waiting acknowledges nothing and says so", async () => {
    const incident = await declare("Bridge relayer stalled");
    await sms(JANE, "ACK");
    expect((await sms(JOHN, "ACK ALL")).reply).toBe(`Firebreak: nothing is waiting for you; INC-${incident.number} was already acknowledged by Jane Smith.`);
    expect(await confirmationsTo(JOHN)).toEqual([]);
  });
});

describe("ACK <code>", () => {
  it("acknowledges that incident, written as a number or as INC-<number>, and leaves the others waiting", async () => {
    const first = await declare("Bridge relayer stalled", 0);
    const second = await declare("Monitoring gap", 1);

    expect(await sms(JOHN, `ACK ${first.number}`)).toEqual({ acknowledged: `INC-${first.number}`, reply: null });
    expect(await incidentOf(first.id)).toMatchObject({ acknowledgedBy: "John Doe" });
    expect((await incidentOf(second.id)).status).toBe("declared");

    expect(await sms(JOHN, `ack inc-${second.number}`)).toEqual({ acknowledged: `INC-${second.number}`, reply: null });
    expect(await incidentOf(second.id)).toMatchObject({ acknowledgedBy: "John Doe" });
    expect((await sms(JOHN, `ACK ${second.number}`)).reply).toBe(`Firebreak: you already acknowledged INC-${second.number}.`);
    expect(await confirmationsTo(JOHN)).toHaveLength(2);
  });

  it("records the person's acknowledgement of one someone else took first, and says who", async () => {
    const incident = await declare("Bridge relayer stalled");
    await sms(JANE, "ACK");
    expect(await sms(JOHN, `ACK INC-${incident.number}`)).toEqual({ acknowledged: `INC-${incident.number}`, reply: null });
    expect(await incidentOf(incident.id)).toMatchObject({ acknowledgedBy: "Jane Smith" });
    expect(await db.page.count({ where: { incidentId: incident.id, recipient: JOHN, kind: "incident", acknowledgedVia: "sms" } })).toBe(1);
    expect(await confirmationsTo(JOHN)).toEqual([
      { incidentId: incident.id, body: `INC-${incident.number} was already acknowledged by Jane Smith. Your acknowledgement is recorded.` },
    ]);
  });

  it("refuses a code the person was not paged for, or of an incident no longer open, and changes nothing", async () => {
    const notTheirs = await declare("Disk filling on a replica", 0, "medium");
    const resolved = await declare("Bridge relayer stalled", 1);
    await resolveIncident(db, { incidentId: resolved.id, resolution: "Restarted", prevention: "", followUp: "" }, world.users.commander, later(5));

    expect(await sms(JOHN, `ACK ${notTheirs.number}`)).toEqual({
      acknowledged: null,
      reply: `Firebreak: INC-${notTheirs.number} is not an open incident you were paged for. Nothing changed.`,
    });
    expect((await sms(JOHN, `ACK INC-${resolved.number}`)).reply).toBe(`Firebreak: INC-${resolved.number} is not an open incident you were paged for. Nothing changed.`);
    expect((await sms(JOHN, "ACK 99999")).reply).toContain("INC-99999 is not an open incident you were paged for");
    expect(await incidentOf(notTheirs.id)).toMatchObject({ status: "declared", acknowledgedBy: null });
    expect(await db.page.count({ where: { recipient: JOHN, acknowledgedAt: { not: null } } })).toBe(0);
    expect(await confirmationsTo(JOHN)).toEqual([]);
  });
});
