import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db, type Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { requireSetting } from "@/lib/env";
import { declareIncident } from "@/lib/command/lifecycle";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { runEscalationStep } from "./escalations";
import { escalationJobKey } from "@/lib/paging/jobs";

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

const declare = (client: Db, severity: keyof IncidentWorld["severities"]) =>
  declareIncident(
    client,
    { title: "Bridge relayer stalled", severityId: world.severities[severity], systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
    world.users.commander,
    t0,
  );

const contact = (email: string) => db.contact.findUniqueOrThrow({ where: { email } });
const team = (key: string) => db.team.findUniqueOrThrow({ where: { key } });

const pagedEvents = async (incidentId: string) =>
  (await db.incidentEvent.findMany({ where: { incidentId, kind: "paged" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { body: true, data: true } })).map(
    (event) => ({ body: event.body, ...(event.data as { people: string[]; alreadyPaged: string[] }) }),
  );

const timerRunAt = async (escalationId: string) =>
  (await db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker._private_jobs WHERE key = ${escalationJobKey(escalationId)}`).map((job) => job.run_at);

describe("starting an incident's paging", () => {
  it("takes the same number of statements however many chains and people it pages", async () => {
    const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireSetting("DATABASE_URL") }), log: [{ emit: "event", level: "query" }] });
    let statements = 0;
    counting.$on("query", () => statements++);
    const declareCounted = async () => {
      statements = 0;
      await declare(counting as unknown as Db, "critical");
      return statements;
    };
    try {
      const small = await declareCounted();
      // Thirty more people on a team, ten more in the audience, and a fifth chain: a team without a policy.
      const blockchain = await team("blockchain");
      const extra = await db.contact.createManyAndReturn({ data: Array.from({ length: 40 }, (_, i) => ({ email: `extra-${i}@example.test`, name: `Extra ${i}` })), select: { id: true } });
      await db.teamMember.createMany({ data: extra.slice(0, 30).map(({ id }) => ({ teamId: blockchain.id, contactId: id })) });
      await db.severityAudienceContact.createMany({ data: extra.slice(30).map(({ id }) => ({ severityId: world.severities.critical, contactId: id })) });
      const bystanders = await db.team.create({ data: { key: "bystanders", name: "Bystanders", members: { create: { contactId: extra[0]!.id } } } });
      await db.severityAudienceTeam.create({ data: { severityId: world.severities.critical, teamId: bystanders.id } });

      const large = await declareCounted();
      expect(large).toBe(small);
      // The declaration itself (incident, event, audit, breach timer) and its paging, measured at 31.
      expect(small).toBeLessThanOrEqual(31);
    } finally {
      await counting.$disconnect();
    }
  });

  it("pages a person two chains name once, by the first chain; the other chain's event lists them as already paged", async () => {
    const cto = await contact("cto@chain138.com");
    const devops = await contact("devops@chain138.com");
    // The CTO is in the audience and on the blockchain team; devops is on infrastructure and security.
    await db.teamMember.create({ data: { teamId: (await team("blockchain")).id, contactId: cto.id } });
    await db.teamMember.create({ data: { teamId: (await team("security")).id, contactId: devops.id } });

    const incident = await declare(db, "critical");
    const escalations = await db.escalation.findMany({ where: { incidentId: incident.id }, select: { id: true, label: true } });
    const labelOf = new Map(escalations.map((escalation) => [escalation.id, escalation.label]));
    const pagedBy = async (contactId: string) =>
      (await db.page.findMany({ where: { incidentId: incident.id, contactId }, select: { escalationId: true } })).map((page) => labelOf.get(page.escalationId!));
    expect(await pagedBy(cto.id)).toEqual(["Severity audience (All stakeholders)", "Severity audience (All stakeholders)"]);
    expect(await pagedBy(devops.id)).toEqual(["Infrastructure"]);

    const events = await pagedEvents(incident.id);
    expect(events.map((event) => event.body)).toEqual(["Severity audience (All stakeholders): step 1", "Blockchain: step 1", "Infrastructure: step 1", "Security: step 1"]);
    expect(events[0]!.people).toContain(cto.name);
    expect(events[1]!.alreadyPaged).toEqual([cto.name]);
    expect(events[1]!.people).not.toContain(cto.name);
    expect(events[2]!.people).toContain(devops.name);
    expect(events[3]!.alreadyPaged).toEqual([devops.name]);
    const audits = await db.auditEntry.findMany({ where: { action: "incident.paged", targetId: incident.id }, select: { actorLabel: true, data: true } });
    expect(audits).toHaveLength(4);
    expect(audits.every((audit) => audit.actorLabel === "system" && (audit.data as { reference: string }).reference === `INC-${incident.number}`)).toBe(true);
  });

  it("writes each escalation as it stands after its first step, with a timer only for those that go on", async () => {
    const incident = await declare(db, "critical");
    const escalations = await db.escalation.findMany({ where: { incidentId: incident.id }, orderBy: { label: "asc" } });
    const audience = escalations.find((escalation) => escalation.key === "audience")!;
    expect(audience).toMatchObject({ status: "exhausted", nextStep: 0, round: 0, nextStepAt: null, endedAt: t0 });
    expect(await timerRunAt(audience.id)).toEqual([]);
    const teams = escalations.filter((escalation) => escalation.teamId !== null);
    expect(teams).toHaveLength(3);
    for (const escalation of teams) {
      // The plan's chain: the team at once, the primary emergency contact five minutes later.
      expect(escalation).toMatchObject({ status: "active", nextStep: 1, round: 0, nextStepAt: later(5), endedAt: null });
      expect(await timerRunAt(escalation.id)).toEqual([later(5)]);
    }
  });
});

describe("a later step on the escalation timer", () => {
  it("lists people the round already paged as already paged, pages everyone again in a repeat, then ends", async () => {
    const infrastructure = await team("infrastructure");
    const lead = await db.teamMember.findFirstOrThrow({ where: { teamId: infrastructure.id, role: "lead" }, select: { contact: true } });
    const steps = [{ afterMinutes: 0, targets: [{ type: "team_members" }] }, { afterMinutes: 5, targets: [{ type: "team_lead" }] }];
    await db.escalationPolicy.update({ where: { teamId: infrastructure.id }, data: { repeatCount: 1, steps } });
    const incident = await declare(db, "medium");
    const escalation = await db.escalation.findFirstOrThrow({ where: { incidentId: incident.id, teamId: infrastructure.id } });
    const pageCount = () => db.page.count({ where: { incidentId: incident.id, escalationId: escalation.id } });
    const firstRound = await pageCount();

    await runEscalationStep(db, escalation.id, later(5));
    expect(await pageCount()).toBe(firstRound);
    expect((await pagedEvents(incident.id)).at(-1)).toMatchObject({ body: "Infrastructure: step 2", people: [], alreadyPaged: [lead.contact.name] });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).toMatchObject({ status: "active", nextStep: 0, round: 1, nextStepAt: later(10) });
    expect(await timerRunAt(escalation.id)).toEqual([later(10)]);

    await runEscalationStep(db, escalation.id, later(10));
    expect(await pageCount()).toBe(2 * firstRound);
    expect(await db.page.count({ where: { escalationId: escalation.id, round: 1, step: 1 } })).toBe(firstRound);
    expect((await pagedEvents(incident.id)).at(-1)).toMatchObject({ body: "Infrastructure: step 1 (repeat 1)", alreadyPaged: [] });

    await runEscalationStep(db, escalation.id, later(15));
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalation.id } })).toMatchObject({ status: "exhausted", nextStepAt: null, endedAt: later(15) });
    // Only the timer that just ran (the worker completes it): nothing later is scheduled.
    expect(await timerRunAt(escalation.id)).toEqual([later(15)]);
  });
});
