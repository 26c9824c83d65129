import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { fieldErrorsOf } from "@/lib/errors";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { recordDrillRun } from "./record";
import { recordDrillSchema } from "./schemas";

let world: IncidentWorld;
let scheduleId: string;
const now = new Date("2026-06-15T12:00:00Z");

beforeEach(async () => {
  world = await freshIncidentWorld(db);
  scheduleId = (await db.drillSchedule.findUniqueOrThrow({ where: { key: "component_recovery" } })).id;
});

/** The fields as the record form posts them. */
const form = (fields: Record<string, unknown> = {}) => ({
  scheduleId,
  performedAt: "2026-06-14T09:30",
  participants: "Riley Responder,\nCasey Commander\n, riley responder ,",
  systems: ["monitoring", "bridge"],
  recoveryTimeMinutes: "250.5",
  dataLossSeconds: "240",
  result: "partial",
  notes: "Prometheus restore pointed at the **old bucket**.",
  ...fields,
});

const errorsOf = (fields: Record<string, unknown>) => {
  const parsed = recordDrillSchema.safeParse(form(fields));
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

const written = async () => ({ runs: await db.drillRun.count(), audits: await db.auditEntry.count({ where: { action: "drill.recorded" } }) });
const actor = () => ({ id: world.users.responder.id, email: world.users.responder.email });

describe("recording a drill run", () => {
  it("stores what the form says, in UTC and seconds, with one audit entry", async () => {
    const input = recordDrillSchema.parse(form());
    const { id } = await recordDrillRun(db, input, actor(), now);

    const run = await db.drillRun.findUniqueOrThrow({ where: { id } });
    expect(run).toMatchObject({
      scheduleId,
      performedAt: new Date("2026-06-14T09:30:00Z"),
      participants: ["Riley Responder", "Casey Commander"],
      systems: ["monitoring", "bridge"],
      recoveryTimeSeconds: 15_030,
      dataLossSeconds: 240,
      result: "partial",
      notes: "Prometheus restore pointed at the **old bucket**.",
      recordedById: world.users.responder.id,
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "drill.recorded" } });
    expect(audit).toMatchObject({ actorId: world.users.responder.id, actorLabel: world.users.responder.email, targetType: "drill_run", targetId: id });
    expect(audit.data).toMatchObject({ schedule: "component_recovery", result: "partial", performedAt: "2026-06-14T09:30:00.000Z" });
  });

  it("leaves recovery time, data loss and notes out when they are left empty", async () => {
    const input = recordDrillSchema.parse(form({ recoveryTimeMinutes: "", dataLossSeconds: "", notes: "", systems: "bridge" }));
    const { id } = await recordDrillRun(db, input, actor(), now);
    expect(await db.drillRun.findUniqueOrThrow({ where: { id } })).toMatchObject({ recoveryTimeSeconds: null, dataLossSeconds: null, notes: "", systems: ["bridge"] });
  });

  it("refuses each invalid field with a message that names it", () => {
    expect(errorsOf({ scheduleId: "full_recovery" })).toEqual({ scheduleId: ["Schedule: choose a drill schedule"] });
    expect(errorsOf({ performedAt: "" })).toEqual({ performedAt: ["Performed at is required"] });
    expect(errorsOf({ performedAt: "2026-02-30T10:00" })).toEqual({ performedAt: ["Performed at must be a date and time (UTC)"] });
    expect(errorsOf({ participants: " ,\n " })).toEqual({ participants: ["Participants: list at least one name"] });
    expect(errorsOf({ participants: Array.from({ length: 51 }, (_, n) => `Person ${n}`).join(",") })).toEqual({ participants: ["Participants: at most 50 names"] });
    expect(errorsOf({ participants: "x".repeat(101) })).toEqual({ participants: ["Participants: each name must be at most 100 characters"] });
    expect(errorsOf({ systems: undefined })).toEqual({ systems: ["Systems: choose at least one system"] });
    expect(errorsOf({ recoveryTimeMinutes: "-1" })).toEqual({ recoveryTimeMinutes: ["Recovery time cannot be negative"] });
    expect(errorsOf({ recoveryTimeMinutes: "soon" })).toEqual({ recoveryTimeMinutes: ["Recovery time must be a number of minutes"] });
    expect(errorsOf({ dataLossSeconds: "1.5" })).toEqual({ dataLossSeconds: ["Data loss must be whole seconds"] });
    expect(errorsOf({ dataLossSeconds: "-3" })).toEqual({ dataLossSeconds: ["Data loss cannot be negative"] });
    expect(errorsOf({ result: "aborted" })).toEqual({ result: ["Result: choose passed, partial or failed"] });
    expect(errorsOf({ notes: "n".repeat(10_001) })).toEqual({ notes: ["Notes must be at most 10000 characters"] });
    // The edges that are allowed.
    expect(errorsOf({ participants: Array.from({ length: 50 }, (_, n) => `Person ${n}`).join("\n"), recoveryTimeMinutes: "0", dataLossSeconds: "0", notes: "n".repeat(10_000) })).toEqual({});
  });

  it("refuses a future time, an unknown schedule and unknown systems, writing nothing", async () => {
    await expect(recordDrillRun(db, recordDrillSchema.parse(form({ performedAt: "2026-06-15T12:01" })), actor(), now)).rejects.toMatchObject({
      fieldErrors: { performedAt: ["Performed at cannot be in the future"] },
    });
    await expect(recordDrillRun(db, recordDrillSchema.parse(form({ scheduleId: "00000000-0000-4000-8000-000000000000" })), actor(), now)).rejects.toMatchObject({
      fieldErrors: { scheduleId: ["Schedule: that drill schedule does not exist"] },
    });
    await expect(recordDrillRun(db, recordDrillSchema.parse(form({ systems: ["bridge", "node", "database"] })), actor(), now)).rejects.toMatchObject({
      fieldErrors: { systems: ["Systems: node, database are not systems in the catalogue"] },
    });
    expect(await written()).toEqual({ runs: 0, audits: 0 });
    // Exactly now is not the future.
    await recordDrillRun(db, recordDrillSchema.parse(form({ performedAt: "2026-06-15T12:00" })), actor(), now);
    expect(await written()).toEqual({ runs: 1, audits: 1 });
  });
});
