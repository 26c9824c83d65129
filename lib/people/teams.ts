import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";
import { planPolicy } from "./policies";
import { membershipSchema, newTeamSchema, teamRefSchema, teamRenameSchema, type Membership, type NewTeam } from "./schemas";
import { refuseDuplicate } from "./unique";
import { fieldError, parseInput } from "./validate";

interface LockedTeam {
  id: string;
  key: string;
  name: string;
}

// Roster changes to one team run one at a time, so two "make lead" clicks cannot leave two leads.
async function lockTeam(tx: Tx, teamId: string): Promise<LockedTeam> {
  const [team] = await tx.$queryRaw<LockedTeam[]>`SELECT id, key, name FROM "Team" WHERE id = ${teamId}::uuid FOR UPDATE`;
  if (!team) throw new DomainError("That team no longer exists.");
  return team;
}

async function audited(tx: Tx, actor: Actor | SystemActor, action: string, team: LockedTeam, data: Record<string, string | null> = {}) {
  await recordAudit(tx, { actor, action, targetType: "team", targetId: team.id, data: { reference: team.key, ...data } });
  await publishChange(tx, { topic: "settings" });
}

/** A new team, paged by the plan's chain until someone edits its policy. */
export async function createTeam(db: Db, input: NewTeam, actor: Actor | SystemActor) {
  const { key, name } = parseInput(newTeamSchema, input);
  return refuseDuplicate(
    () =>
      db.$transaction(async (tx) => {
        const team = await tx.team.create({ data: { key, name }, select: { id: true, key: true, name: true } });
        const policy = await planPolicy(tx);
        await tx.escalationPolicy.create({ data: { teamId: team.id, repeatCount: policy.repeatCount, steps: policy.steps } });
        await audited(tx, actor, "team.created", team, { name });
        return team;
      }),
    () => fieldError("key", `A team with the key ${key} already exists.`),
  );
}

export async function renameTeam(db: Db, input: { teamId: string; name: string }, actor: Actor | SystemActor) {
  const { teamId, name } = parseInput(teamRenameSchema, input);
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, teamId);
    await tx.team.update({ where: { id: teamId }, data: { name } });
    await audited(tx, actor, "team.renamed", team, { from: team.name, to: name });
    return { ...team, name };
  });
}

/** Deletes a team with its roster and policy; refused while it owns systems, whose incidents page their owners. */
export async function deleteTeam(db: Db, input: { teamId: string }, actor: Actor | SystemActor) {
  const { teamId } = parseInput(teamRefSchema, input);
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, teamId);
    const systems = await tx.system.findMany({ where: { ownerTeamId: teamId }, select: { name: true }, orderBy: { name: "asc" } });
    if (systems.length > 0) {
      throw new DomainError(`${team.name} owns ${systems.map((system) => system.name).join(", ")}: give those systems another owner first.`);
    }
    await tx.team.delete({ where: { id: teamId } });
    await audited(tx, actor, "team.deleted", team, { name: team.name });
    return team;
  });
}

async function contactOf(tx: Tx, contactId: string) {
  const contact = await tx.contact.findUnique({ where: { id: contactId }, select: { id: true, name: true, email: true } });
  if (!contact) throw fieldError("contactId", "Contact: that person no longer exists");
  return contact;
}

export async function addTeamMember(db: Db, input: Membership, actor: Actor | SystemActor) {
  const { teamId, contactId } = parseInput(membershipSchema, input);
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, teamId);
    const contact = await contactOf(tx, contactId);
    const existing = await tx.teamMember.findUnique({ where: { teamId_contactId: { teamId, contactId } }, select: { role: true } });
    if (existing) throw fieldError("contactId", `${contact.name} is already on ${team.name}.`);
    await tx.teamMember.create({ data: { teamId, contactId, role: "member" } });
    await audited(tx, actor, "team.member_added", team, { email: contact.email });
    return { team, contact };
  });
}

/** Takes someone off the team; removing the lead leaves the team without one until another is chosen. */
export async function removeTeamMember(db: Db, input: Membership, actor: Actor | SystemActor) {
  const { teamId, contactId } = parseInput(membershipSchema, input);
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, teamId);
    const contact = await contactOf(tx, contactId);
    const { count } = await tx.teamMember.deleteMany({ where: { teamId, contactId } });
    if (count === 0) throw fieldError("contactId", `${contact.name} is not on ${team.name}.`);
    await audited(tx, actor, "team.member_removed", team, { email: contact.email });
    return { team, contact };
  });
}

/** Makes a member the team's one lead; the previous lead stays on the team as a member. */
export async function setTeamLead(db: Db, input: Membership, actor: Actor | SystemActor) {
  const { teamId, contactId } = parseInput(membershipSchema, input);
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, teamId);
    const contact = await contactOf(tx, contactId);
    const members = await tx.teamMember.findMany({ where: { teamId }, select: { contactId: true, role: true, contact: { select: { email: true } } } });
    const member = members.find((candidate) => candidate.contactId === contactId);
    if (!member) throw fieldError("contactId", `${contact.name} is not on ${team.name}: add them first.`);
    if (member.role === "lead") return { team, contact };
    const previous = members.find((candidate) => candidate.role === "lead");
    await tx.teamMember.updateMany({ where: { teamId, role: "lead" }, data: { role: "member" } });
    await tx.teamMember.update({ where: { teamId_contactId: { teamId, contactId } }, data: { role: "lead" } });
    await audited(tx, actor, "team.lead_changed", team, { from: previous?.contact.email ?? null, to: contact.email });
    return { team, contact };
  });
}
