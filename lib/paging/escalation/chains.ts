import type { Tx } from "@/lib/db/client";
import { parseStoredPolicy, type EscalationPolicy } from "@/lib/people/escalation-policy";

/** One line of paging for an incident: the severity's audience, or one team by its policy. */
export interface EscalationChain {
  /** "audience" or "team:<id>": one escalation of each per incident. */
  key: string;
  teamId: string | null;
  label: string;
  policy: EscalationPolicy;
}

// A team without a policy of its own still gets paged: everyone on it, once.
const WHOLE_TEAM: EscalationPolicy = { repeatCount: 0, steps: [{ afterMinutes: 0, targets: [{ type: "team_members" }] }] };

/**
 * The chains a new incident starts: the severity's audience first, then the severity's audience
 * teams and the affected systems' owning teams by name, each by its policy as it is now. This order
 * decides which chain pages a person two chains name.
 */
export async function loadEscalationChains(tx: Tx, severityId: string, systemIds: string[]): Promise<EscalationChain[]> {
  const severity = await tx.severityLevel.findUniqueOrThrow({
    where: { id: severityId },
    select: { notification: true, audienceContacts: { select: { contactId: true } } },
  });
  const teams = await tx.team.findMany({
    where: { OR: [{ audienceOf: { some: { severityId } } }, { systems: { some: { id: { in: systemIds } } } }] },
    select: { id: true, name: true, escalationPolicy: { select: { repeatCount: true, steps: true } } },
    orderBy: { name: "asc" },
  });

  const chains: EscalationChain[] = teams.map((team) => ({
    key: `team:${team.id}`,
    teamId: team.id,
    label: team.name,
    policy: team.escalationPolicy ? parseStoredPolicy(team.escalationPolicy) : WHOLE_TEAM,
  }));
  if (severity.audienceContacts.length === 0) return chains;
  const audience: EscalationChain = {
    key: "audience",
    teamId: null,
    label: `Severity audience (${severity.notification})`,
    policy: { repeatCount: 0, steps: [{ afterMinutes: 0, targets: severity.audienceContacts.map(({ contactId }) => ({ type: "contact" as const, contactId })) }] },
  };
  return [audience, ...chains];
}
