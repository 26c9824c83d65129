import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { enqueueJob, removeJob } from "@/lib/jobs/enqueue";
import { lockIncident, recordChange } from "@/lib/incidents/record";
import { OPEN_STATUSES, type IncidentStatus } from "@/lib/incidents/rules";
import { createPages } from "./pages";
import { parseStoredPolicy, type EscalationPolicy } from "./policy";
import { resolveTargets } from "./recipients";

export const ESCALATION_TASK = "paging-escalation-step";
export const escalationJobKey = (escalationId: string) => `${ESCALATION_TASK}:${escalationId}`;

const MINUTE = 60_000;

// A team without a policy of its own still gets paged: everyone on it, once.
const WHOLE_TEAM: EscalationPolicy = { repeatCount: 0, steps: [{ afterMinutes: 0, targets: [{ type: "team_members" }] }] };

interface EscalationRow {
  id: string;
  teamId: string | null;
  label: string;
  policy: Prisma.JsonValue;
  nextStep: number;
  round: number;
}

const escalationSelect = { id: true, teamId: true, label: true, policy: true, nextStep: true, round: true } as const;

/** Where the chain goes after `step`: the next step, the first step of the next round, or nowhere. */
export function nextPosition(policy: EscalationPolicy, step: number, round: number): { step: number; round: number; afterMinutes: number } | null {
  if (step + 1 < policy.steps.length) return { step: step + 1, round, afterMinutes: policy.steps[step + 1]!.afterMinutes };
  if (round >= policy.repeatCount) return null;
  // A repeat starts over after the same wait as the chain's last step (a minute at least).
  return { step: 0, round: round + 1, afterMinutes: Math.max(1, policy.steps.at(-1)!.afterMinutes) };
}

/**
 * Starts paging a new incident: the severity's audience and the owning teams of the affected
 * systems, each team by its own policy as it is now. Steps due at once are paged in this transaction.
 */
export async function startEscalations(tx: Tx, incident: { id: string; number: number }, severityId: string, systemIds: string[], now: Date) {
  const severity = await tx.severityLevel.findUniqueOrThrow({
    where: { id: severityId },
    select: { notification: true, audienceTeams: { select: { teamId: true } }, audienceContacts: { select: { contactId: true } } },
  });
  const owners = await tx.system.findMany({ where: { id: { in: systemIds }, ownerTeamId: { not: null } }, select: { ownerTeamId: true } });
  const teamIds = [...new Set([...severity.audienceTeams.map((team) => team.teamId), ...owners.map((system) => system.ownerTeamId!)])];
  const teams = await tx.team.findMany({
    where: { id: { in: teamIds } },
    select: { id: true, name: true, escalationPolicy: { select: { repeatCount: true, steps: true } } },
    orderBy: { name: "asc" },
  });

  const chains: { key: string; teamId: string | null; label: string; policy: EscalationPolicy }[] = teams.map((team) => ({
    key: `team:${team.id}`,
    teamId: team.id,
    label: team.name,
    policy: team.escalationPolicy ? parseStoredPolicy(team.escalationPolicy) : WHOLE_TEAM,
  }));
  if (severity.audienceContacts.length > 0) {
    chains.unshift({
      key: "audience",
      teamId: null,
      label: `Severity audience (${severity.notification})`,
      policy: { repeatCount: 0, steps: [{ afterMinutes: 0, targets: severity.audienceContacts.map(({ contactId }) => ({ type: "contact" as const, contactId })) }] },
    });
  }

  for (const chain of chains) {
    const firstAt = new Date(now.getTime() + chain.policy.steps[0]!.afterMinutes * MINUTE);
    const escalation = await tx.escalation.create({
      data: { incidentId: incident.id, key: chain.key, teamId: chain.teamId, label: chain.label, policy: chain.policy, nextStepAt: firstAt, createdAt: now },
      select: escalationSelect,
    });
    if (firstAt <= now) await fireStep(tx, incident, escalation, now);
    else await enqueueJob(tx, ESCALATION_TASK, { escalationId: escalation.id }, { runAt: firstAt, jobKey: escalationJobKey(escalation.id) });
  }
}

/** Pages the escalation's next step and schedules the one after, or marks the chain exhausted. */
async function fireStep(tx: Tx, incident: { id: string; number: number }, escalation: EscalationRow, now: Date) {
  const policy = parseStoredPolicy(escalation.policy);
  const step = policy.steps[escalation.nextStep]!;
  const people = await resolveTargets(tx, escalation.teamId, step.targets);
  const pages = await createPages(tx, {
    incident,
    kind: "incident",
    recipients: people,
    escalation: { id: escalation.id, step: escalation.nextStep + 1, round: escalation.round },
    scope: `r${escalation.round}`,
    at: now,
  });
  const paged = new Set(pages.map((page) => page.contactId));
  await recordChange(tx, {
    incident,
    actor: null,
    kind: "paged",
    body: `${escalation.label}: step ${escalation.nextStep + 1}${escalation.round > 0 ? ` (repeat ${escalation.round})` : ""}`,
    data: {
      escalation: escalation.label,
      step: escalation.nextStep + 1,
      round: escalation.round,
      people: people.filter((person) => paged.has(person.id)).map((person) => person.name),
      alreadyPaged: people.filter((person) => !paged.has(person.id)).map((person) => person.name),
    },
    at: now,
  });

  const next = nextPosition(policy, escalation.nextStep, escalation.round);
  if (!next) {
    await tx.escalation.update({ where: { id: escalation.id }, data: { status: "exhausted", nextStepAt: null, endedAt: now } });
    return;
  }
  const runAt = new Date(now.getTime() + next.afterMinutes * MINUTE);
  await tx.escalation.update({ where: { id: escalation.id }, data: { nextStep: next.step, round: next.round, nextStepAt: runAt } });
  await enqueueJob(tx, ESCALATION_TASK, { escalationId: escalation.id }, { runAt, jobKey: escalationJobKey(escalation.id) });
}

/** The escalation timer's job. A step that fires after an acknowledgement sends nothing. */
export async function runEscalationStep(db: Db, escalationId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const found = await tx.escalation.findUnique({ where: { id: escalationId }, select: { incidentId: true } });
    if (!found) return;
    // Incident first, then escalation: the same order as an acknowledgement, so the two never deadlock.
    const incident = await lockIncident(tx, found.incidentId);
    await tx.$queryRaw`SELECT id FROM "Escalation" WHERE id = ${escalationId}::uuid FOR UPDATE`;
    const escalation = await tx.escalation.findUniqueOrThrow({ where: { id: escalationId }, select: { ...escalationSelect, status: true, nextStepAt: true } });
    if (escalation.status !== "active") return;
    if (incident.acknowledgedAt || !OPEN_STATUSES.includes(incident.status as IncidentStatus)) {
      await stopEscalations(tx, incident.id, incident.acknowledgedAt ? "acknowledged" : "ended", now);
      return;
    }
    // A job that was replaced by a later schedule still runs once; it only acts when its time has come.
    if (escalation.nextStepAt && escalation.nextStepAt.getTime() > now.getTime() + 1000) return;
    await fireStep(tx, incident, escalation, now);
  });
}

/** Ends every running escalation of an incident and cancels its pages not yet handed to a provider. */
export async function stopEscalations(tx: Tx, incidentId: string, status: "acknowledged" | "ended", now: Date) {
  const active = await tx.escalation.findMany({ where: { incidentId, status: "active" }, select: { id: true } });
  for (const { id } of active) await removeJob(tx, escalationJobKey(id));
  await tx.escalation.updateMany({ where: { incidentId, status: "active" }, data: { status, nextStepAt: null, endedAt: now } });
  await tx.page.updateMany({ where: { incidentId, kind: "incident", status: "queued" }, data: { status: "cancelled", cancelledAt: now } });
}
