// The policy editor posts one field per control: "repeatCount", "steps.0.afterMinutes",
// "steps.0.teamLead", "steps.0.teamMembers", "steps.0.contactIds" (a multi-select).
// These turn such a form into a policy, and name a policy's fields the way the editor labels them.

const STEP_FIELD = /^steps\.(\d+)\.(afterMinutes|teamLead|teamMembers|contactIds)$/;

const number = (value: unknown) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value)) : value);
const list = (value: unknown): unknown[] => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);
const ticked = (value: unknown) => value === true || value === "on" || value === "true";

/** A posted editor form as `{ teamId, repeatCount, steps }`; anything else is passed on as it is. */
export function policyFromForm(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input) || "steps" in input) return input;
  const fields = input as Record<string, unknown>;
  const steps = new Map<number, Record<string, unknown>>();
  for (const [name, value] of Object.entries(fields)) {
    const match = STEP_FIELD.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    if (!steps.has(index)) steps.set(index, {});
    steps.get(index)![match[2]!] = value;
  }
  return {
    teamId: fields.teamId,
    repeatCount: number(fields.repeatCount),
    steps: [...steps.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, step]) => ({
        afterMinutes: number(step.afterMinutes),
        targets: [
          ...(ticked(step.teamLead) ? [{ type: "team_lead" }] : []),
          ...(ticked(step.teamMembers) ? [{ type: "team_members" }] : []),
          ...list(step.contactIds).map((contactId) => ({ type: "contact", contactId })),
        ],
      })),
  };
}

/** "Step 2 delay", "Repeat count": how a message names the policy field at `path`. */
export function policyFieldLabel(path: readonly PropertyKey[]): string {
  const [field, index, part] = path;
  if (field === "repeatCount") return "Repeat count";
  if (field === "teamId") return "Team";
  if (field !== "steps") return "Policy";
  if (typeof index !== "number") return "Steps:";
  const step = `Step ${index + 1}`;
  if (part === "afterMinutes") return `${step} delay`;
  if (part === "targets") return `${step} targets:`;
  return step;
}
