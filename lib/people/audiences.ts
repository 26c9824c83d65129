import { z } from "zod";
import { auditLabel, type Actor, type SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";
import { defaultAudience, type Audience } from "./audience-defaults";
import { audienceSchema, type AudienceInput } from "./schemas";
import { fieldError, parseInput } from "./validate";

// Once a severity's audience has been set (by the import's default or by an admin), it is theirs:
// a later import leaves it alone, even when an admin chose nobody. The setting says who set it.
export const AUDIENCE_SETTING_PREFIX = "paging.audience.";
const decidedKey = (severityKey: string) => `${AUDIENCE_SETTING_PREFIX}${severityKey}`;

/** Who set an audience ("plan import" or an admin's email), from its setting's value. */
export function audienceSetBy(value: unknown): string | null {
  const parsed = z.object({ setBy: z.string() }).safeParse(value);
  return parsed.success ? parsed.data.setBy : null;
}

async function writeAudience(tx: Tx, severity: { id: string; key: string }, audience: Audience, setBy: string) {
  await tx.severityAudienceTeam.deleteMany({ where: { severityId: severity.id } });
  await tx.severityAudienceContact.deleteMany({ where: { severityId: severity.id } });
  await tx.severityAudienceTeam.createMany({ data: audience.teamIds.map((teamId) => ({ severityId: severity.id, teamId })) });
  await tx.severityAudienceContact.createMany({ data: audience.contactIds.map((contactId) => ({ severityId: severity.id, contactId })) });
  const value = { setBy, at: new Date().toISOString() };
  const key = decidedKey(severity.key);
  await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** Replaces the teams and contacts a severity pages with the given set. */
export async function saveSeverityAudience(db: Db, input: AudienceInput, actor: Actor | SystemActor) {
  const audience = parseInput(audienceSchema, input);
  const teamIds = [...new Set(audience.teamIds)];
  const contactIds = [...new Set(audience.contactIds)];
  return db.$transaction(async (tx) => {
    const severity = await tx.severityLevel.findUnique({ where: { id: audience.severityId }, select: { id: true, key: true } });
    if (!severity) throw new DomainError("That severity level no longer exists.");
    // One after the other: a transaction is one connection.
    const teams = await tx.team.findMany({ where: { id: { in: teamIds } }, select: { key: true } });
    const contacts = await tx.contact.findMany({ where: { id: { in: contactIds } }, select: { email: true } });
    if (teams.length !== teamIds.length) throw fieldError("teamIds", "Teams: choose existing teams");
    if (contacts.length !== contactIds.length) throw fieldError("contactIds", "Contacts: choose existing contacts");
    await writeAudience(tx, severity, { teamIds, contactIds }, auditLabel(actor));
    await recordAudit(tx, {
      actor,
      action: "severity.audience_saved",
      targetType: "severity",
      targetId: severity.id,
      data: { reference: severity.key, teams: teams.map((team) => team.key).sort(), contacts: contacts.map((contact) => contact.email).sort() },
    });
    await publishChange(tx, { topic: "settings" });
    return severity;
  });
}

/** Sets the plan's default audience on every severity that has none and that nobody has set yet. Returns the severity keys set. */
export async function applyDefaultAudiences(tx: Tx): Promise<string[]> {
  const severities = await tx.severityLevel.findMany({
    select: { id: true, key: true, notification: true, _count: { select: { audienceTeams: true, audienceContacts: true } } },
    orderBy: { rank: "asc" },
  });
  const decided = await tx.setting.findMany({ where: { key: { startsWith: decidedKey("") } }, select: { key: true } });
  const teams = await tx.team.findMany({ select: { id: true, key: true } });
  const contacts = await tx.contact.findMany({ where: { emergencyKey: { not: null } }, select: { id: true, emergencyKey: true } });
  const done = new Set(decided.map((setting) => setting.key));
  const applied: string[] = [];
  for (const severity of severities) {
    const hasAudience = severity._count.audienceTeams + severity._count.audienceContacts > 0;
    if (hasAudience || done.has(decidedKey(severity.key))) continue;
    const audience = defaultAudience(severity.notification, { teams, contacts });
    if (!audience) continue;
    await writeAudience(tx, severity, audience, "plan import");
    applied.push(severity.key);
  }
  return applied;
}
