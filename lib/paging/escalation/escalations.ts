import { randomUUID } from "node:crypto";
import { bulkInsert } from "@/lib/db/bulk-insert";
import type { Db, Tx } from "@/lib/db/client";
import { removeJob } from "@/lib/jobs/enqueue";
import { lockIncident } from "@/lib/timeline/incident";
import { OPEN_STATUSES, type IncidentStatus } from "@/lib/incidents/rules";
import { loadEscalationChains } from "./chains";
import { scheduleEscalationSteps } from "./timers";
import { escalationJobKey } from "@/lib/paging/jobs";
import { fireSteps } from "./fire-steps";
import { parseStoredPolicy, type EscalationPolicy } from "@/lib/people/escalation-policy";


const MINUTE = 60_000;

/** Where the chain goes after `step`: the next step, the first step of the next round, or nowhere. */
export function nextPosition(policy: EscalationPolicy, step: number, round: number): { step: number; round: number; afterMinutes: number } | null {
  if (step + 1 < policy.steps.length) return { step: step + 1, round, afterMinutes: policy.steps[step + 1]!.afterMinutes };
  if (round >= policy.repeatCount) return null;
  // A repeat starts over after the same wait as the chain's last step (a minute at least).
  return { step: 0, round: round + 1, afterMinutes: Math.max(1, policy.steps.at(-1)!.afterMinutes) };
}

/** An escalation's state once `step` of `round` has been paged: waiting for its next step, or exhausted. */
function stateAfterFiring(policy: EscalationPolicy, step: number, round: number, now: Date) {
  const next = nextPosition(policy, step, round);
  if (!next) return { status: "exhausted" as const, nextStep: step, round, nextStepAt: null, endedAt: now };
  return { status: "active" as const, nextStep: next.step, round: next.round, nextStepAt: new Date(now.getTime() + next.afterMinutes * MINUTE), endedAt: null };
}

const insertEscalations = bulkInsert<{
  id: string; incidentId: string; key: string; teamId: string | null; label: string; policy: EscalationPolicy;
  status: "active" | "exhausted"; nextStep: number; round: number; nextStepAt: Date | null; createdAt: Date; endedAt: Date | null;
}>({
  table: "Escalation",
  columns: {
    id: "uuid", incidentId: "uuid", key: "text", teamId: "uuid", label: "text", policy: "jsonb",
    status: '"EscalationStatus"', nextStep: "int", round: "int", nextStepAt: "timestamp(3)", createdAt: "timestamp(3)", endedAt: "timestamp(3)",
  },
});

const timerOf = (escalationId: string, state: { nextStepAt: Date | null }) => (state.nextStepAt ? [{ escalationId, runAt: state.nextStepAt }] : []);

/**
 * Starts paging a new incident: the severity's audience and the owning teams of the affected
 * systems, each team by its own policy as it is now. The first steps due at once are paged together
 * in this transaction, in a number of statements that does not grow with the chains or the people.
 */
export async function startEscalations(tx: Tx, incident: { id: string; number: number }, severityId: string, systemIds: string[], now: Date) {
  const chains = (await loadEscalationChains(tx, severityId, systemIds)).map((chain) => {
    const firstAfter = chain.policy.steps[0]!.afterMinutes;
    const state =
      firstAfter === 0
        ? stateAfterFiring(chain.policy, 0, 0, now)
        : { status: "active" as const, nextStep: 0, round: 0, nextStepAt: new Date(now.getTime() + firstAfter * MINUTE), endedAt: null };
    return { ...chain, id: randomUUID(), firesNow: firstAfter === 0, state };
  });
  // Written as they stand once their first step is paged, so no escalation needs a second write.
  await insertEscalations(
    tx,
    chains.map((chain) => ({ id: chain.id, incidentId: incident.id, key: chain.key, teamId: chain.teamId, label: chain.label, policy: chain.policy, ...chain.state, createdAt: now })),
  );
  const firing = chains.filter((chain) => chain.firesNow);
  await fireSteps(tx, incident, firing.map(({ id, teamId, label, policy }) => ({ escalationId: id, teamId, label, policy, step: 0, round: 0 })), now);
  await scheduleEscalationSteps(tx, chains.flatMap((chain) => timerOf(chain.id, chain.state)));
}

/** The escalation timer's job: pages the next step and sets the timer for the one after. A step that fires after an acknowledgement sends nothing. */
export async function runEscalationStep(db: Db, escalationId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const found = await tx.escalation.findUnique({ where: { id: escalationId }, select: { incidentId: true } });
    if (!found) return;
    // Incident first, then escalation: the same order as an acknowledgement, so the two never deadlock.
    const incident = await lockIncident(tx, found.incidentId);
    await tx.$queryRaw`SELECT id FROM "Escalation" WHERE id = ${escalationId}::uuid FOR UPDATE`;
    const escalation = await tx.escalation.findUniqueOrThrow({
      where: { id: escalationId },
      select: { teamId: true, label: true, policy: true, nextStep: true, round: true, status: true, nextStepAt: true },
    });
    if (escalation.status !== "active") return;
    if (incident.acknowledgedAt || !OPEN_STATUSES.includes(incident.status as IncidentStatus)) {
      await stopEscalations(tx, incident.id, incident.acknowledgedAt ? "acknowledged" : "ended", now);
      return;
    }
    // A job that was replaced by a later schedule still runs once; it only acts when its time has come.
    if (escalation.nextStepAt && escalation.nextStepAt.getTime() > now.getTime() + 1000) return;

    const policy = parseStoredPolicy(escalation.policy);
    const state = stateAfterFiring(policy, escalation.nextStep, escalation.round, now);
    await tx.escalation.update({ where: { id: escalationId }, data: state });
    const { teamId, label, nextStep, round } = escalation;
    await fireSteps(tx, incident, [{ escalationId, teamId, label, policy, step: nextStep, round }], now);
    await scheduleEscalationSteps(tx, timerOf(escalationId, state));
  });
}

/** Ends every running escalation of an incident and cancels its pages not yet handed to a provider. */
export async function stopEscalations(tx: Tx, incidentId: string, status: "acknowledged" | "ended", now: Date) {
  const active = await tx.escalation.findMany({ where: { incidentId, status: "active" }, select: { id: true } });
  for (const { id } of active) await removeJob(tx, escalationJobKey(id));
  await tx.escalation.updateMany({ where: { incidentId, status: "active" }, data: { status, nextStepAt: null, endedAt: now } });
  await tx.page.updateMany({ where: { incidentId, kind: "incident", status: "queued" }, data: { status: "cancelled", cancelledAt: now } });
}
