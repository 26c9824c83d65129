import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { policyInputSchema } from "./schemas";

const teamId = randomUUID();
const contactIds = [randomUUID(), randomUUID()];

describe("the policy editor's form", () => {
  it("becomes a policy: steps in index order, ticked boxes and chosen contacts as targets", () => {
    const form = {
      teamId,
      repeatCount: "2",
      "steps.1.afterMinutes": "15",
      "steps.1.contactIds": contactIds,
      "steps.0.afterMinutes": "0",
      "steps.0.teamLead": "on",
      "steps.0.teamMembers": "on",
      "steps.2.afterMinutes": "5",
      "steps.2.contactIds": contactIds[0],
    };
    expect(policyInputSchema.parse(form)).toEqual({
      teamId,
      repeatCount: 2,
      steps: [
        { afterMinutes: 0, targets: [{ type: "team_lead" }, { type: "team_members" }] },
        { afterMinutes: 15, targets: contactIds.map((contactId) => ({ type: "contact", contactId })) },
        { afterMinutes: 5, targets: [{ type: "contact", contactId: contactIds[0] }] },
      ],
    });
  });

  it("reports problems under the names of the editor's fields", () => {
    const result = policyInputSchema.safeParse({ teamId, repeatCount: "", "steps.0.afterMinutes": "soon", "steps.1.afterMinutes": "1" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      repeatCount: "Repeat count must be a number",
      "steps.0.afterMinutes": "Step 1 delay must be a number",
      "steps.0.targets": "Step 1 targets: must page at least one target",
      "steps.1.targets": "Step 2 targets: must page at least one target",
    });
  });

  it("with every step removed, says a policy needs one", () => {
    const result = policyInputSchema.safeParse({ teamId, repeatCount: "0" });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Steps: must have at least one step"]);
  });
});
