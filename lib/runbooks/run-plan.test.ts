import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { createRunbook } from "@/test/runbook-fixtures";
import { getRun } from "./queries";
import { requestRun } from "./requests";

let world: IncidentWorld;

const echo = {
  key: "echo-plan",
  title: "Echo the words",
  role: "responder",
  timeout: "1 minute",
  parameters: { words: { type: "pattern", pattern: "^[a-z ]{1,40}$" } },
  steps: [{ name: "Say it", command: ["printf", "%s\\n", "{{words}}"] }],
};

beforeEach(async () => {
  world = await freshIncidentWorld(db);
  await createRunbook(db, echo);
});

describe("a run's plan", () => {
  it("is every step as it runs, parameters filled in", async () => {
    const { responder } = world.users;
    const run = await requestRun(db, { runbookKey: "echo-plan", parameters: { words: "hello there" } }, { id: responder.id, email: responder.email, role: responder.role });
    const read = await getRun(db, run.id);
    expect(read?.plan?.steps).toEqual([expect.objectContaining({ kind: "command", argv: ["printf", "%s\\n", "hello there"] })]);
  });

  it("is absent, and the run still readable, when its stored parameters no longer pass the rules", async () => {
    const { responder } = world.users;
    const run = await requestRun(db, { runbookKey: "echo-plan", parameters: { words: "hello" } }, { id: responder.id, email: responder.email, role: responder.role });
    // As a run requested under an older version's looser rules is stored.
    await db.runbookRun.update({ where: { id: run.id }, data: { parameters: { words: "HELLO; rm" } } });
    const read = await getRun(db, run.id);
    expect(read).toMatchObject({ id: run.id, plan: null });
  });
});
