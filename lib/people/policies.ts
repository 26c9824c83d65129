import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db, Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";
import { parseStoredPolicy, planEscalationPolicy, type EscalationPolicy } from "@/lib/people/escalation-policy";
import { policyInputSchema, type PolicyInput } from "./schemas";
import { parseInput, NEEDS_ATTENTION } from "./validate";

const contactIdsOf = (step: EscalationPolicy["steps"][number]) =>
  step.targets.flatMap((target) => (target.type === "contact" ? [target.contactId] : []));

/** The plan's chain (team, then the primary, secondary and security contacts) with today's emergency contacts. */
export async function planPolicy(tx: Tx): Promise<EscalationPolicy> {
  const contacts = await tx.contact.findMany({
    where: { emergencyKey: { in: ["primary", "secondary", "security"] } },
    select: { id: true, emergencyKey: true },
  });
  return planEscalationPolicy(Object.fromEntries(contacts.map((contact) => [contact.emergencyKey, contact.id])));
}

/** Gives every team without a policy the plan's chain; a policy that exists is never changed. Returns how many were created. */
export async function ensurePlanPolicies(tx: Tx): Promise<number> {
  const teams = await tx.team.findMany({ where: { escalationPolicy: { is: null } }, select: { id: true } });
  if (teams.length === 0) return 0;
  const policy = await planPolicy(tx);
  await tx.escalationPolicy.createMany({ data: teams.map((team) => ({ teamId: team.id, repeatCount: policy.repeatCount, steps: policy.steps })) });
  return teams.length;
}

/** Names of the teams whose escalation policy pages this contact. */
export async function teamsPagingContact(tx: Tx, contactId: string): Promise<string[]> {
  const policies = await tx.escalationPolicy.findMany({ select: { steps: true, repeatCount: true, team: { select: { name: true } } } });
  return policies
    .filter((policy) => parseStoredPolicy({ repeatCount: policy.repeatCount, steps: policy.steps }).steps.some((step) => contactIdsOf(step).includes(contactId)))
    .map((policy) => policy.team.name);
}

/** Replaces a team's escalation policy after checking every step, and that each contact it pages exists. */
export async function saveEscalationPolicy(db: Db, input: PolicyInput, actor: Actor | SystemActor) {
  const { teamId, ...policy } = parseInput(policyInputSchema, input);
  return db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true, key: true, name: true } });
    if (!team) throw new DomainError("That team no longer exists.");

    const wanted = [...new Set(policy.steps.flatMap(contactIdsOf))];
    // Shared locks: a contact cannot be deleted until this policy is saved, and is then kept by it.
    const found = new Set(
      wanted.length === 0
        ? []
        : (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Contact" WHERE id = ANY(${wanted}::uuid[]) FOR SHARE`).map((row) => row.id),
    );
    const fieldErrors: Record<string, string[]> = {};
    policy.steps.forEach((step, index) => {
      if (contactIdsOf(step).some((id) => !found.has(id))) {
        fieldErrors[`steps.${index}.targets`] = [`Step ${index + 1} targets: every contact must be an existing contact`];
      }
    });
    if (Object.keys(fieldErrors).length > 0) throw new DomainError(NEEDS_ATTENTION, fieldErrors);

    const data = { repeatCount: policy.repeatCount, steps: policy.steps };
    await tx.escalationPolicy.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
    await recordAudit(tx, { actor, action: "team.policy_saved", targetType: "team", targetId: team.id, data: { reference: team.key, ...data } });
    await publishChange(tx, { topic: "settings" });
    return team;
  });
}
