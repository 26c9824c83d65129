import { z } from "zod";

// An escalation policy: ordered steps, each paged `afterMinutes` after the previous one
// (the first step usually at once), repeated `repeatCount` more times while nobody acknowledges.

export const escalationTargetSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("team_lead") }),
    z.strictObject({ type: z.literal("team_members") }),
    z.strictObject({ type: z.literal("contact"), contactId: z.uuid("must be a contact id") }),
  ],
  { error: 'must be "team_lead", "team_members" or a contact' },
);

export const escalationStepSchema = z.strictObject({
  afterMinutes: z.number().int("must be whole minutes").min(0, "must be 0 or more").max(1440, "must be at most 1440 (24 hours)"),
  targets: z.array(escalationTargetSchema).min(1, "must page at least one target"),
});

export const escalationPolicySchema = z.strictObject({
  repeatCount: z.number().int().min(0, "must be 0 or more").max(10, "must be at most 10"),
  steps: z.array(escalationStepSchema).min(1, "must have at least one step").max(10, "must have at most 10 steps"),
});

export type EscalationTarget = z.infer<typeof escalationTargetSchema>;
export type EscalationStep = z.infer<typeof escalationStepSchema>;
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

/** Minutes between the plan's escalation steps in the demo's default chain. */
export const PLAN_STEP_MINUTES = 5;

/**
 * The plan's chain: the team (lead and members) at once, then the primary, secondary and
 * security emergency contacts, one step each.
 */
export function planEscalationPolicy(emergencyContactIds: { primary?: string; secondary?: string; security?: string }): EscalationPolicy {
  const steps: EscalationStep[] = [{ afterMinutes: 0, targets: [{ type: "team_lead" }, { type: "team_members" }] }];
  for (const key of ["primary", "secondary", "security"] as const) {
    const contactId = emergencyContactIds[key];
    if (contactId) steps.push({ afterMinutes: PLAN_STEP_MINUTES, targets: [{ type: "contact", contactId }] });
  }
  return { repeatCount: 0, steps };
}

/** Reads a stored policy; a row that no longer parses pages the team at once rather than no one. */
export function parseStoredPolicy(value: unknown): EscalationPolicy {
  const parsed = escalationPolicySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return { repeatCount: 0, steps: [{ afterMinutes: 0, targets: [{ type: "team_lead" }, { type: "team_members" }] }] };
}
