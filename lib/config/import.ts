import type { Db } from "@/lib/db/client";
import { applyDefaultAudiences } from "@/lib/people/audiences";
import { ensurePlanPolicies } from "@/lib/people/policies";
import type { PlanConfig } from "./schema";

export interface ImportSummary {
  levels: number;
  teams: number;
  contacts: number;
  drills: number;
  /** Teams that had no escalation policy and got the plan's chain. */
  policiesCreated: number;
  /** Severities whose audience was set from the plan's notification line. */
  audiencesSet: number;
}

// "blockchain-lead@chain138.com" -> "Blockchain Lead": a readable name until someone edits it.
function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");
}

function teamName(key: string): string {
  return key[0]!.toUpperCase() + key.slice(1).replace(/[-_]+/g, " ");
}

/**
 * Writes the plan's configuration in one transaction, then gives teams and severities the plan's
 * paging defaults where they have none; importing twice changes nothing the second time.
 */
export async function importPlanConfig(db: Db, config: PlanConfig): Promise<ImportSummary> {
  return db.$transaction(async (tx) => {
    const levelEntries = Object.entries(config.levels);
    for (const [rank, [key, level]] of levelEntries.entries()) {
      const fields = {
        description: level.description,
        responseTimeSeconds: level.response_time,
        notification: level.notification,
        rank,
      };
      await tx.severityLevel.upsert({ where: { key }, create: { key, ...fields }, update: fields });
    }

    for (const [key, contact] of Object.entries(config.contacts)) {
      const fields = {
        name: contact.name,
        title: contact.role ?? null,
        phone: contact.phone,
        email: contact.email,
        acceptsSms: contact.channels.includes("sms"),
        acceptsEmail: contact.channels.includes("email"),
      };
      // The same person may be listed under a new key, or the key may get a new person.
      await tx.contact.updateMany({ where: { emergencyKey: key, NOT: { email: contact.email } }, data: { emergencyKey: null } });
      await tx.contact.upsert({
        where: { email: contact.email },
        create: { ...fields, emergencyKey: key },
        update: { ...fields, emergencyKey: key },
      });
    }

    const teamEntries = Object.entries(config.teams);
    for (const [key, team] of teamEntries) {
      const name = team.name ?? teamName(key);
      const { id: teamId } = await tx.team.upsert({ where: { key }, create: { key, name }, update: { name }, select: { id: true } });
      const roster = [
        { email: team.lead, role: "lead" as const },
        ...team.members.filter((email) => email !== team.lead).map((email) => ({ email, role: "member" as const })),
      ];
      const contactIds: string[] = [];
      for (const { email, role } of roster) {
        const { id: contactId } = await tx.contact.upsert({
          where: { email },
          create: { email, name: nameFromEmail(email) },
          update: {},
          select: { id: true },
        });
        contactIds.push(contactId);
        await tx.teamMember.upsert({
          where: { teamId_contactId: { teamId, contactId } },
          create: { teamId, contactId, role },
          update: { role },
        });
      }
      // The YAML is the roster: members it no longer lists leave the team.
      await tx.teamMember.deleteMany({ where: { teamId, contactId: { notIn: contactIds } } });
    }

    const drillEntries = Object.entries(config.drills);
    for (const [key, drill] of drillEntries) {
      const fields = { frequency: drill.frequency, durationSeconds: drill.duration, systems: drill.systems };
      await tx.drillSchedule.upsert({ where: { key }, create: { key, ...fields }, update: fields });
    }

    // Defaults only: a policy or audience that exists, edited or not, is left as it is.
    const policiesCreated = await ensurePlanPolicies(tx);
    const audiencesSet = (await applyDefaultAudiences(tx)).length;

    return {
      levels: levelEntries.length,
      teams: teamEntries.length,
      contacts: Object.keys(config.contacts).length,
      drills: drillEntries.length,
      policiesCreated,
      audiencesSet,
    };
  });
}
