import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importPlanConfig } from "@/lib/config/import";
import { loadPlanConfig } from "@/lib/config/load";
import { db } from "@/lib/db/client";
import { listDrillSchedules } from "@/lib/drills/queries";
import { resetDatabase } from "@/test/reset-database";
import { seedDemoDrills } from "./drills";
import { planSystems } from "./seed";

beforeEach(async () => {
  await resetDatabase(db);
  await importPlanConfig(db, await loadPlanConfig(path.resolve("config")));
  await db.system.createMany({ data: planSystems.map(({ key, name }) => ({ key, name })) });
});

describe("the demo's drills", () => {
  it("keep the weekly and monthly drills on schedule and leave the quarterly one overdue", async () => {
    const now = new Date();
    await db.$transaction((tx) => seedDemoDrills(tx, { now }));
    const schedules = await listDrillSchedules(db, now);
    expect(schedules.map((schedule) => [schedule.key, schedule.overdue])).toEqual([
      ["full_recovery", true],
      ["component_recovery", false],
      ["backup_verification", false],
    ]);
    expect(schedules.find((schedule) => schedule.key === "backup_verification")!.daysUntilDue).toBe(4);
    // Every system a demo drill names is in the catalogue, as a recorded drill's would be.
    const named = (await db.drillRun.findMany({ select: { systems: true } })).flatMap((run) => run.systems);
    expect(named.every((key) => planSystems.some((system) => system.key === key))).toBe(true);
  });
});
