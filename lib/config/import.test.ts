import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { planEscalationPolicy } from "@/lib/people/escalation-policy";
import { saveSeverityAudience } from "@/lib/people/audiences";
import { saveEscalationPolicy } from "@/lib/people/policies";
import { resetDatabase } from "@/test/reset-database";
import { importPlanConfig } from "./import";
import { loadPlanConfig } from "./load";
import type { PlanConfig } from "./schema";

const planDir = path.resolve("config");

async function counts() {
  const [levels, teams, contacts, members, drills, policies, audienceTeams, audienceContacts] = await Promise.all([
    db.severityLevel.count(),
    db.team.count(),
    db.contact.count(),
    db.teamMember.count(),
    db.drillSchedule.count(),
    db.escalationPolicy.count(),
    db.severityAudienceTeam.count(),
    db.severityAudienceContact.count(),
  ]);
  return { levels, teams, contacts, members, drills, policies, audienceTeams, audienceContacts };
}

beforeEach(() => resetDatabase(db));

describe("importPlanConfig", () => {
  it("imports the plan: levels in order, teams with lead and members, contacts, drills", async () => {
    const summary = await importPlanConfig(db, await loadPlanConfig(planDir));
    expect(summary).toEqual({ levels: 4, teams: 3, contacts: 3, drills: 3, policiesCreated: 3, audiencesSet: 4 });

    const levels = await db.severityLevel.findMany({ orderBy: { rank: "asc" }, select: { key: true, responseTimeSeconds: true } });
    expect(levels).toEqual([
      { key: "critical", responseTimeSeconds: 900 },
      { key: "high", responseTimeSeconds: 1800 },
      { key: "medium", responseTimeSeconds: 7200 },
      { key: "low", responseTimeSeconds: 86_400 },
    ]);
    const blockchain = await db.team.findUniqueOrThrow({
      where: { key: "blockchain" },
      select: { name: true, members: { select: { role: true, contact: { select: { email: true } } } } },
    });
    expect(blockchain.name).toBe("Blockchain");
    expect(blockchain.members.find((m) => m.role === "lead")?.contact.email).toBe("blockchain-lead@chain138.com");
    expect(blockchain.members.filter((m) => m.role === "member")).toHaveLength(2);
    expect(await db.contact.findUnique({ where: { emergencyKey: "primary" }, select: { name: true, phone: true } })).toEqual({
      name: "John Doe",
      phone: "+12345678900",
    });
    expect(await counts()).toEqual({ levels: 4, teams: 3, contacts: 12, members: 9, drills: 3, policies: 3, audienceTeams: 8, audienceContacts: 5 });
  });

  it("is idempotent: a second import changes nothing", async () => {
    const config = await loadPlanConfig(planDir);
    await importPlanConfig(db, config);
    const before = await counts();
    const policies = await db.escalationPolicy.findMany({ select: { teamId: true, steps: true, updatedAt: true }, orderBy: { teamId: "asc" } });
    expect(await importPlanConfig(db, config)).toMatchObject({ policiesCreated: 0, audiencesSet: 0 });
    expect(await counts()).toEqual(before);
    expect(await db.escalationPolicy.findMany({ select: { teamId: true, steps: true, updatedAt: true }, orderBy: { teamId: "asc" } })).toEqual(policies);
  });

  it("updates what changed and takes people the YAML no longer lists off the team", async () => {
    const config = await loadPlanConfig(planDir);
    await importPlanConfig(db, config);
    const changed: PlanConfig = structuredClone(config);
    changed.levels.critical!.response_time = 600;
    changed.teams.blockchain!.members = ["node-operator@chain138.com"];
    changed.contacts.primary!.name = "Joan Doe";
    await importPlanConfig(db, changed);

    expect((await db.severityLevel.findUniqueOrThrow({ where: { key: "critical" } })).responseTimeSeconds).toBe(600);
    const team = await db.team.findUniqueOrThrow({ where: { key: "blockchain" }, select: { members: { select: { contact: { select: { email: true } } } } } });
    expect(team.members.map((m) => m.contact.email).sort()).toEqual(["blockchain-lead@chain138.com", "node-operator@chain138.com"]);
    expect((await db.contact.findUniqueOrThrow({ where: { emergencyKey: "primary" } })).name).toBe("Joan Doe");
    expect(await db.severityLevel.count()).toBe(4);
  });

  it("gives every team the plan's chain: the team, then the primary, secondary and security contacts", async () => {
    await importPlanConfig(db, await loadPlanConfig(planDir));
    const emergency = await db.contact.findMany({ where: { emergencyKey: { not: null } }, select: { id: true, emergencyKey: true } });
    const ids = Object.fromEntries(emergency.map((contact) => [contact.emergencyKey, contact.id]));
    const expected = planEscalationPolicy({ primary: ids.primary, secondary: ids.secondary, security: ids.security });
    expect(expected.steps).toHaveLength(4);
    for (const team of await db.team.findMany({ select: { escalationPolicy: { select: { repeatCount: true, steps: true } } } })) {
      expect(team.escalationPolicy).toEqual(expected);
    }
  });

  it("sets each severity's audience from the plan's notification line", async () => {
    await importPlanConfig(db, await loadPlanConfig(planDir));
    const levels = await db.severityLevel.findMany({
      orderBy: { rank: "asc" },
      select: { key: true, audienceTeams: { select: { team: { select: { key: true } } } }, audienceContacts: { select: { contact: { select: { emergencyKey: true } } } } },
    });
    expect(
      levels.map((level) => ({
        key: level.key,
        teams: level.audienceTeams.map((row) => row.team.key).sort(),
        contacts: level.audienceContacts.map((row) => row.contact.emergencyKey).sort(),
      })),
    ).toEqual([
      { key: "critical", teams: ["blockchain", "infrastructure", "security"], contacts: ["primary", "secondary", "security"] },
      { key: "high", teams: ["blockchain", "infrastructure"], contacts: ["primary", "secondary"] },
      { key: "medium", teams: ["blockchain", "infrastructure"], contacts: [] },
      { key: "low", teams: ["infrastructure"], contacts: [] },
    ]);
  });

  it("never overwrites a policy or an audience that someone edited, even one left empty", async () => {
    const config = await loadPlanConfig(planDir);
    await importPlanConfig(db, config);
    const actor = { id: null, label: "admin@example.test" };
    const blockchain = await db.team.findUniqueOrThrow({ where: { key: "blockchain" } });
    const edited = { repeatCount: 3, steps: [{ afterMinutes: 0, targets: [{ type: "team_lead" as const }] }] };
    await saveEscalationPolicy(db, { teamId: blockchain.id, ...edited }, actor);
    const low = await db.severityLevel.findUniqueOrThrow({ where: { key: "low" } });
    await saveSeverityAudience(db, { severityId: low.id, teamIds: [], contactIds: [] }, actor);

    expect(await importPlanConfig(db, config)).toMatchObject({ policiesCreated: 0, audiencesSet: 0 });
    expect(await db.escalationPolicy.findUniqueOrThrow({ where: { teamId: blockchain.id }, select: { repeatCount: true, steps: true } })).toEqual(edited);
    expect(await db.severityAudienceTeam.count({ where: { severityId: low.id } })).toBe(0);
  });

  it("gives a team added to the YAML the plan's chain, and leaves a severity with an unknown line without an audience", async () => {
    const config = await loadPlanConfig(planDir);
    await importPlanConfig(db, config);
    const changed: PlanConfig = structuredClone(config);
    changed.teams.bridge = { lead: "bridge-lead@chain138.com", members: [] };
    changed.levels.info = { description: "Informational", response_time: 86_400, notification: "Whoever is on call" };

    expect(await importPlanConfig(db, changed)).toMatchObject({ policiesCreated: 1, audiencesSet: 0 });
    const bridge = await db.team.findUniqueOrThrow({ where: { key: "bridge" }, select: { escalationPolicy: { select: { steps: true } } } });
    expect(bridge.escalationPolicy?.steps).toHaveLength(4);
    const info = await db.severityLevel.findUniqueOrThrow({ where: { key: "info" }, select: { _count: { select: { audienceTeams: true, audienceContacts: true } } } });
    expect(info._count).toEqual({ audienceTeams: 0, audienceContacts: 0 });
  });

  it("takes an emergency contact's channels from the file, both when it names none", async () => {
    const config = await loadPlanConfig(planDir);
    config.contacts.security!.channels = ["email"];
    await importPlanConfig(db, config);
    const channels = async (emergencyKey: string) =>
      db.contact.findUniqueOrThrow({ where: { emergencyKey }, select: { acceptsSms: true, acceptsEmail: true } });
    expect(await channels("security")).toEqual({ acceptsSms: false, acceptsEmail: true });
    expect(await channels("primary")).toEqual({ acceptsSms: true, acceptsEmail: true });
  });
});
