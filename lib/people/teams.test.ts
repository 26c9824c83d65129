import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { planEscalationPolicy } from "@/lib/people/escalation-policy";
import { resetDatabase } from "@/test/reset-database";
import { createContact } from "./contacts";
import { addTeamMember, createTeam, deleteTeam, removeTeamMember, renameTeam, setTeamLead } from "./teams";

const actor = { id: null, label: "admin@example.test" };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const person = (name: string) =>
  createContact(db, { name, title: null, email: `${name.toLowerCase()}@example.test`, phone: null, acceptsSms: false, acceptsEmail: true }, actor);

async function roster(teamId: string) {
  const members = await db.teamMember.findMany({ where: { teamId }, select: { role: true, contact: { select: { name: true } } }, orderBy: { contact: { name: "asc" } } });
  return members.map((member) => `${member.contact.name}:${member.role}`);
}

beforeEach(() => resetDatabase(db));

describe("teams", () => {
  it("creates a team with a lowercase key and the plan's chain as its policy", async () => {
    const primary = await db.contact.create({ data: { name: "John", email: "cto@example.test", phone: "+12345678900", emergencyKey: "primary" } });
    const team = await createTeam(db, { key: "  Ops-1 ", name: "Operations" }, actor);
    expect(team).toMatchObject({ key: "ops-1", name: "Operations" });
    const policy = await db.escalationPolicy.findUniqueOrThrow({ where: { teamId: team.id }, select: { repeatCount: true, steps: true } });
    expect(policy).toEqual(planEscalationPolicy({ primary: primary.id }));
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "team.created" }, select: { data: true } })).toEqual({ data: { reference: "ops-1", name: "Operations" } });
  });

  it("refuses a key that is taken or not a key, on the key field", async () => {
    await createTeam(db, { key: "ops", name: "Operations" }, actor);
    expect((await refusal(createTeam(db, { key: "OPS", name: "Other" }, actor))).fieldErrors).toEqual({ key: ["A team with the key ops already exists."] });
    expect((await refusal(createTeam(db, { key: "1st team", name: "Other" }, actor))).fieldErrors).toEqual({
      key: ["Key must be lowercase letters, digits, '-' or '_', starting with a letter"],
    });
    expect(await db.team.count()).toBe(1);
  });

  it("renames a team, and deletes one unless it owns systems", async () => {
    const team = await createTeam(db, { key: "ops", name: "Operations" }, actor);
    await renameTeam(db, { teamId: team.id, name: "Site Reliability" }, actor);
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Site Reliability");

    const system = await db.system.create({ data: { key: "bridge", name: "Bridge", ownerTeamId: team.id } });
    expect((await refusal(deleteTeam(db, { teamId: team.id }, actor))).message).toBe("Site Reliability owns Bridge: give those systems another owner first.");
    expect(await db.team.count()).toBe(1);

    await db.system.delete({ where: { id: system.id } });
    await deleteTeam(db, { teamId: team.id }, actor);
    expect(await db.team.count()).toBe(0);
    expect(await db.escalationPolicy.count()).toBe(0);
  });
});

describe("team roster", () => {
  it("adds and removes members, refusing a second membership", async () => {
    const team = await createTeam(db, { key: "ops", name: "Ops" }, actor);
    const ada = await person("Ada");
    await addTeamMember(db, { teamId: team.id, contactId: ada.id }, actor);
    expect(await roster(team.id)).toEqual(["Ada:member"]);
    expect((await refusal(addTeamMember(db, { teamId: team.id, contactId: ada.id }, actor))).fieldErrors).toEqual({ contactId: ["Ada is already on Ops."] });

    await removeTeamMember(db, { teamId: team.id, contactId: ada.id }, actor);
    expect(await roster(team.id)).toEqual([]);
    expect((await refusal(removeTeamMember(db, { teamId: team.id, contactId: ada.id }, actor))).fieldErrors).toEqual({ contactId: ["Ada is not on Ops."] });
    expect(await db.auditEntry.count({ where: { targetId: team.id, action: { in: ["team.member_added", "team.member_removed"] } } })).toBe(2);
  });

  it("keeps at most one lead: a new lead demotes the previous one to member", async () => {
    const team = await createTeam(db, { key: "ops", name: "Ops" }, actor);
    const [ada, bo] = [await person("Ada"), await person("Bo")];
    for (const contact of [ada, bo]) await addTeamMember(db, { teamId: team.id, contactId: contact.id }, actor);

    await setTeamLead(db, { teamId: team.id, contactId: ada.id }, actor);
    expect(await roster(team.id)).toEqual(["Ada:lead", "Bo:member"]);
    await setTeamLead(db, { teamId: team.id, contactId: bo.id }, actor);
    expect(await roster(team.id)).toEqual(["Ada:member", "Bo:lead"]);
    expect((await db.auditEntry.findFirstOrThrow({ where: { action: "team.lead_changed" }, orderBy: { id: "desc" } })).data).toEqual({
      reference: "ops",
      from: "ada@example.test",
      to: "bo@example.test",
    });
  });

  it("leaves one lead when two admins choose different leads at the same time", async () => {
    const team = await createTeam(db, { key: "ops", name: "Ops" }, actor);
    const people = [await person("Ada"), await person("Bo"), await person("Cy")];
    for (const contact of people) await addTeamMember(db, { teamId: team.id, contactId: contact.id }, actor);
    await Promise.all(people.map((contact) => setTeamLead(db, { teamId: team.id, contactId: contact.id }, actor)));
    expect(await db.teamMember.count({ where: { teamId: team.id, role: "lead" } })).toBe(1);
  });

  it("refuses to make someone lead who is not on the team", async () => {
    const team = await createTeam(db, { key: "ops", name: "Ops" }, actor);
    const ada = await person("Ada");
    expect((await refusal(setTeamLead(db, { teamId: team.id, contactId: ada.id }, actor))).fieldErrors).toEqual({
      contactId: ["Ada is not on Ops: add them first."],
    });
    expect(await roster(team.id)).toEqual([]);
  });
});
