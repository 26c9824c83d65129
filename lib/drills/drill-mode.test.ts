import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { declareIncident } from "@/lib/command/lifecycle";
import { runbookDefinitionSchema } from "@/lib/runbooks/definition";
import { recoveryOutcomes, runDurations } from "@/lib/runbooks/metrics";
import { requestRun } from "@/lib/runbooks/requests";
import { executeRun } from "@/lib/runbooks/run-worker";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { getDrillRun, listDrillRuns } from "./queries";

// Runbooks launched from a drill run: part of the drill, on no incident, and never counted as a recovery.

let world: IncidentWorld;
let drillRunId: string;
const actor = () => ({ id: world.users.responder.id, email: world.users.responder.email, role: world.users.responder.role });

beforeEach(async () => {
  world = await freshIncidentWorld(db);
  const definition = runbookDefinitionSchema.parse({
    key: "echo-words",
    title: "Echo the words",
    role: "responder",
    timeout: "1 minute",
    parameters: { words: { type: "pattern", pattern: "^[a-z ]{1,40}$" } },
    steps: [{ name: "Say it", command: ["printf", "%s\\n", "{{words}}"] }],
  });
  await db.runbook.create({
    data: { key: definition.key, title: definition.title, role: definition.role, requires: definition.requires, definition: definition as object, definitionHash: "hash-echo" },
  });
  const schedule = await db.drillSchedule.findUniqueOrThrow({ where: { key: "component_recovery" } });
  drillRunId = (await db.drillRun.create({ data: { scheduleId: schedule.id, performedAt: new Date(), result: "passed" } })).id;
});

describe("drill mode", () => {
  it("stores the drill run and no incident, lists the run on the drill, and audits it", async () => {
    const run = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "rehearsal" }, drillRunId }, actor());
    expect(await db.runbookRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ drillRunId, incidentId: null, status: "queued" });
    expect((await getDrillRun(db, drillRunId))!.runs).toEqual([expect.objectContaining({ id: run.id, status: "queued", runbook: { key: "echo-words", title: "Echo the words" } })]);
    expect((await listDrillRuns(db))[0]!.runbookRunCount).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "runbook.requested", targetId: run.id } });
    expect(audit.data).toMatchObject({ drillRunId });
  });

  it("refuses an unknown drill run, and a run for both an incident and a drill, writing nothing", async () => {
    const request = { runbookKey: "echo-words", parameters: { words: "rehearsal" } };
    await expect(requestRun(db, { ...request, drillRunId: "00000000-0000-4000-8000-000000000000" }, actor())).rejects.toThrow("That drill run does not exist.");
    const incident = await declareIncident(
      db,
      { title: "Bridge relayer stalled", severityId: world.severities.high, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" },
      world.users.commander,
    );
    await expect(requestRun(db, { ...request, drillRunId, incidentId: incident.id }, actor())).rejects.toThrow(DomainError);
    expect(await db.runbookRun.count()).toBe(0);
  });

  it("leaves a drill's runbook runs out of recovery outcomes and durations", async () => {
    const recovery = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "for real" } }, actor());
    const drill = await requestRun(db, { runbookKey: "echo-words", parameters: { words: "rehearsal" }, drillRunId }, actor());
    await executeRun(db, recovery.id);
    await executeRun(db, drill.id);
    expect(await db.runbookRun.count({ where: { status: "succeeded" } })).toBe(2);

    expect(await recoveryOutcomes(db)).toEqual([{ runbook: "echo-words", result: "success", count: 1 }]);
    expect((await runDurations(db)).map((row) => [row.runbook, row.count])).toEqual([["echo-words", 1]]);
  });
});
