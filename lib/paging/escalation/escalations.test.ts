import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import { resolveIncident } from "@/lib/command/lifecycle";
import { acknowledgeIncident } from "@/lib/command/lifecycle";
import { postStatusUpdate } from "@/lib/command/lifecycle";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { nextPosition, runEscalationStep } from "./escalations";
import { escalationJobKey } from "@/lib/paging/jobs";
import { handOverPages } from "@/test/paging-fixtures";

const handOver = (incidentId: string) => handOverPages(db, incidentId);

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

const declare = (severity: keyof typeof world.severities) =>
  declareIncident(
    db,
    { title: "Bridge relayer stalled", severityId: world.severities[severity], systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
    world.users.commander,
    t0,
  );

const pagedPeople = async (incidentId: string) =>
  (await db.page.findMany({ where: { incidentId, kind: "incident" }, select: { recipientName: true, channel: true, contact: { select: { email: true } } } })).map(
    (page) => `${page.contact!.email}/${page.channel}`,
  );

const teamEmails = (team: "blockchain" | "security" | "infrastructure") =>
  db.teamMember.findMany({ where: { team: { key: team } }, select: { contact: { select: { email: true } } } }).then((members) => members.map((m) => m.contact.email));

describe("paging on declaration", () => {
  it("pages the severity's audience and the affected systems' owning team, each person once per channel", async () => {
    const incident = await declare("critical");
    const paged = await pagedPeople(incident.id);
    expect(new Set(paged).size).toBe(paged.length);
    const emergency = ["cto@chain138.com", "operations@chain138.com", "security@chain138.com"];
    for (const email of [...emergency, ...(await teamEmails("blockchain")), ...(await teamEmails("security")), ...(await teamEmails("infrastructure"))]) {
      expect(paged).toContain(`${email}/email`);
    }
    // Emergency contacts have phones in the plan: they also get an SMS.
    for (const email of emergency) expect(paged).toContain(`${email}/sms`);
    // Every page is in exactly one send job's set.
    const jobs = await db.$queryRaw<{ pageId: string }[]>`
      SELECT json_array_elements_text(j.payload->'pageIds') AS "pageId" FROM graphile_worker._private_jobs j
        JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'paging-send'`;
    const pageIds = (await db.page.findMany({ where: { incidentId: incident.id }, select: { id: true } })).map((page) => page.id);
    expect(jobs.map((job) => job.pageId).sort()).toEqual(pageIds.sort());
  });

  it("renders the incident template into each page", async () => {
    const incident = await declare("critical");
    const sms = await db.page.findFirstOrThrow({ where: { incidentId: incident.id, channel: "sms" } });
    expect(sms.body).toContain(`INC-${incident.number}`);
    expect(sms.body).toContain(`ACK ${incident.number}`);
    const email = await db.page.findFirstOrThrow({ where: { incidentId: incident.id, channel: "email" } });
    expect(email.subject).toContain("critical");
    expect(email.body).toContain("Withdrawals fail");
    expect(email.body).toMatch(/\/ack\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
  });
});

describe("escalation", () => {
  it("pages the next step when nobody acknowledged within the step's delay", async () => {
    // Medium pages the technical teams; the emergency contacts only come in as escalation steps.
    const incident = await declare("medium");
    expect(await pagedPeople(incident.id)).not.toContain("cto@chain138.com/email");
    const escalation = await db.escalation.findFirstOrThrow({ where: { incidentId: incident.id, team: { key: "infrastructure" } } });
    expect(escalation.nextStepAt).toEqual(later(5));

    await runEscalationStep(db, escalation.id, later(4));
    expect(await pagedPeople(incident.id)).not.toContain("cto@chain138.com/email");

    await runEscalationStep(db, escalation.id, later(5));
    expect(await pagedPeople(incident.id)).toContain("cto@chain138.com/email");
    const pages = await db.page.findMany({ where: { incidentId: incident.id, contact: { email: "cto@chain138.com" } }, select: { step: true, round: true } });
    expect(pages.every((page) => page.step === 2 && page.round === 0)).toBe(true);
  });

  it("sends nothing once acknowledged: the timer is removed, a step that fires anyway pages no one, queued pages are cancelled", async () => {
    const incident = await declare("medium");
    const escalation = await db.escalation.findFirstOrThrow({ where: { incidentId: incident.id, team: { key: "infrastructure" } } });
    await acknowledgeIncident(db, incident.id, world.users.responder, later(1));

    const stored = await db.escalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(stored.status).toBe("acknowledged");
    const timers = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker._private_jobs WHERE key = ${escalationJobKey(escalation.id)}`;
    expect(Number(timers[0]!.count)).toBe(0);
    expect(await db.page.count({ where: { incidentId: incident.id, status: "queued" } })).toBe(0);
    expect(await db.page.count({ where: { incidentId: incident.id, status: "cancelled" } })).toBeGreaterThan(0);

    const before = await db.page.count({ where: { incidentId: incident.id } });
    await runEscalationStep(db, escalation.id, later(5));
    expect(await db.page.count({ where: { incidentId: incident.id } })).toBe(before);
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ acknowledgedVia: "app", acknowledgedBy: world.users.responder.email });
  });

  it("follows the policy in force at declaration, not a later edit", async () => {
    const incident = await declare("medium");
    const team = await db.team.findUniqueOrThrow({ where: { key: "infrastructure" } });
    const ops = await db.contact.findUniqueOrThrow({ where: { email: "operations@chain138.com" } });
    await db.escalationPolicy.update({ where: { teamId: team.id }, data: { steps: [{ afterMinutes: 0, targets: [{ type: "team_members" }] }, { afterMinutes: 1, targets: [{ type: "contact", contactId: ops.id }] }] } });
    const escalation = await db.escalation.findFirstOrThrow({ where: { incidentId: incident.id, teamId: team.id } });
    await runEscalationStep(db, escalation.id, later(5));
    expect(await pagedPeople(incident.id)).toContain("cto@chain138.com/email");
    expect(await pagedPeople(incident.id)).not.toContain("operations@chain138.com/email");
  });

  it("repeats the chain, then stops", () => {
    const policy = { repeatCount: 1, steps: [{ afterMinutes: 0, targets: [{ type: "team_members" as const }] }, { afterMinutes: 10, targets: [{ type: "team_lead" as const }] }] };
    expect(nextPosition(policy, 0, 0)).toEqual({ step: 1, round: 0, afterMinutes: 10 });
    expect(nextPosition(policy, 1, 0)).toEqual({ step: 0, round: 1, afterMinutes: 10 });
    expect(nextPosition(policy, 1, 1)).toBeNull();
  });
});

describe("updates and resolution", () => {
  it("notify the people already engaged, with the update and resolution templates", async () => {
    const incident = await declare("medium");
    await handOver(incident.id);
    const engaged = await db.page.count({ where: { incidentId: incident.id, kind: "incident", status: "sent" } });
    await postStatusUpdate(db, { incidentId: incident.id, progress: "Relayer restarted", nextSteps: "Watch the queue", eta: "30 minutes" }, world.users.commander, later(10));
    const updates = await db.page.findMany({ where: { incidentId: incident.id, kind: "update" } });
    expect(updates.length).toBe(engaged);
    expect(updates[0]!.body).toContain("Relayer restarted");
    await handOver(incident.id);

    await resolveIncident(db, { incidentId: incident.id, resolution: "Relayer patched", prevention: "Alert on queue depth", followUp: "Post-mortem", dataLossSeconds: 0 }, world.users.commander, later(20));
    const resolutions = await db.page.findMany({ where: { incidentId: incident.id, kind: "resolution" } });
    expect(resolutions.length).toBe(engaged);
    expect(resolutions[0]!.body).toContain("Relayer patched");
    expect(await db.escalation.count({ where: { incidentId: incident.id, status: "active" } })).toBe(0);
  });

  it("leave out people whose page was cancelled before it was sent", async () => {
    const incident = await declare("medium");
    await resolveIncident(db, { incidentId: incident.id, resolution: "False alarm", prevention: "", followUp: "", dataLossSeconds: 0 }, world.users.commander, later(1));
    expect(await db.page.count({ where: { incidentId: incident.id, kind: "resolution" } })).toBe(0);
    expect(await db.page.count({ where: { incidentId: incident.id, kind: "incident", status: { not: "cancelled" } } })).toBe(0);
  });
});
