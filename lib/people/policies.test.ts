import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { resetDatabase } from "@/test/reset-database";
import { createContact } from "./contacts";
import { saveEscalationPolicy } from "./policies";
import { createTeam } from "./teams";

const actor = { id: null, label: "admin@example.test" };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function world() {
  const team = await createTeam(db, { key: "ops", name: "Ops" }, actor);
  const ada = await createContact(db, { name: "Ada", title: null, email: "ada@example.test", phone: "+15550100100", acceptsSms: true, acceptsEmail: true }, actor);
  const before = await db.escalationPolicy.findUniqueOrThrow({ where: { teamId: team.id }, select: { repeatCount: true, steps: true } });
  const unchanged = async () => expect(await db.escalationPolicy.findUniqueOrThrow({ where: { teamId: team.id }, select: { repeatCount: true, steps: true } })).toEqual(before);
  return { team, ada, unchanged };
}

beforeEach(() => resetDatabase(db));

describe("saveEscalationPolicy", () => {
  it("replaces the team's policy and audits it", async () => {
    const { team, ada } = await world();
    const steps = [
      { afterMinutes: 0, targets: [{ type: "team_lead" as const }] },
      { afterMinutes: 10, targets: [{ type: "team_members" as const }, { type: "contact" as const, contactId: ada.id }] },
    ];
    await saveEscalationPolicy(db, { teamId: team.id, repeatCount: 2, steps }, actor);
    expect(await db.escalationPolicy.findUniqueOrThrow({ where: { teamId: team.id }, select: { repeatCount: true, steps: true } })).toEqual({ repeatCount: 2, steps });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "team.policy_saved" }, select: { targetId: true, data: true } });
    expect(entry).toEqual({ targetId: team.id, data: { reference: "ops", repeatCount: 2, steps } });
  });

  it("refuses a contact target that does not exist, on that step, and changes nothing", async () => {
    const { team, ada, unchanged } = await world();
    const error = await refusal(
      saveEscalationPolicy(
        db,
        {
          teamId: team.id,
          repeatCount: 0,
          steps: [
            { afterMinutes: 0, targets: [{ type: "contact", contactId: ada.id }] },
            { afterMinutes: 5, targets: [{ type: "contact", contactId: randomUUID() }] },
          ],
        },
        actor,
      ),
    );
    expect(error.fieldErrors).toEqual({ "steps.1.targets": ["Step 2 targets: every contact must be an existing contact"] });
    await unchanged();
    expect(await db.auditEntry.count({ where: { action: "team.policy_saved" } })).toBe(0);
  });

  it("names the step and the rule for each broken rule of the policy", async () => {
    const { team, unchanged } = await world();
    const error = await refusal(
      saveEscalationPolicy(
        db,
        {
          teamId: team.id,
          repeatCount: 11,
          steps: [
            { afterMinutes: -1, targets: [{ type: "team_lead" }] },
            { afterMinutes: 5, targets: [] },
            { afterMinutes: 5, targets: [{ type: "contact", contactId: "not-a-contact" }] },
          ],
        },
        actor,
      ),
    );
    expect(error.fieldErrors).toEqual({
      repeatCount: ["Repeat count must be at most 10"],
      "steps.0.afterMinutes": ["Step 1 delay must be 0 or more"],
      "steps.1.targets": ["Step 2 targets: must page at least one target"],
      "steps.2.targets": ["Step 3 targets: must be a contact id"],
    });
    expect((await refusal(saveEscalationPolicy(db, { teamId: team.id, repeatCount: 0, steps: [] }, actor))).fieldErrors).toEqual({
      steps: ["Steps: must have at least one step"],
    });
    await unchanged();
  });

  it("refuses a team that does not exist", async () => {
    await world();
    const error = await refusal(saveEscalationPolicy(db, { teamId: randomUUID(), repeatCount: 0, steps: [{ afterMinutes: 0, targets: [{ type: "team_lead" }] }] }, actor));
    expect(error.message).toBe("That team no longer exists.");
  });
});
