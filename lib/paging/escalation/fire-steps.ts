import { FIREBREAK } from "@/lib/timeline/actor";
import type { Tx } from "@/lib/db/client";
import { pagingTimeline } from "@/lib/paging/events";
import { createPageGroups } from "@/lib/paging/delivery/pages";
import type { EscalationPolicy } from "@/lib/people/escalation-policy";
import { resolveTargets } from "@/lib/paging/delivery/recipients";

/** An escalation about to page one step of its policy. */
export interface FiringStep {
  escalationId: string;
  teamId: string | null;
  label: string;
  policy: EscalationPolicy;
  /** 0-based, as Escalation.nextStep. */
  step: number;
  round: number;
}

/**
 * Pages the given step of each escalation, all together: a constant number of statements however
 * many chains and people. A person two chains name in the same round is paged by the first; the
 * other chain's timeline event, like that of a step reaching someone paged before, lists them as
 * already paged. Where each escalation goes next is the caller's part.
 */
export async function fireSteps(tx: Tx, incident: { id: string; number: number }, firing: FiringStep[], now: Date): Promise<void> {
  if (firing.length === 0) return;
  const people = await resolveTargets(tx, firing.map((chain) => ({ teamId: chain.teamId, targets: chain.policy.steps[chain.step]!.targets })));
  const pages = await createPageGroups(
    tx,
    { incident, kind: "incident", at: now },
    firing.map((chain, index) => ({
      recipients: people[index]!,
      escalation: { id: chain.escalationId, step: chain.step + 1, round: chain.round },
      scope: `r${chain.round}`,
    })),
  );
  const pagedBy = new Set(pages.map((page) => `${page.escalationId}:${page.contactId}`));
  await pagingTimeline.recordMany(
    tx,
    firing.map((chain, index) => {
      const paged = (person: { id: string }) => pagedBy.has(`${chain.escalationId}:${person.id}`);
      return {
        incident,
        actor: FIREBREAK,
        kind: "paged",
        body: `${chain.label}: step ${chain.step + 1}${chain.round > 0 ? ` (repeat ${chain.round})` : ""}`,
        data: {
          escalation: chain.label,
          step: chain.step + 1,
          round: chain.round,
          people: people[index]!.filter(paged).map((person) => person.name),
          alreadyPaged: people[index]!.filter((person) => !paged(person)).map((person) => person.name),
        },
        at: now,
      };
    }),
  );
}
