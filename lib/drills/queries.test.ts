import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freshIncidentWorld } from "@/test/incident-fixtures";
import { getDrillRun, listDrillRuns, listDrillSchedules, listOverdueDrills } from "./queries";

const DAY = 86_400_000;
const now = new Date("2026-06-15T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let ids: Record<string, string>;

beforeEach(async () => {
  await freshIncidentWorld(db);
  // The plan's three schedules, created long before "now"; one more never run, created yesterday.
  await db.drillSchedule.updateMany({ data: { createdAt: ago(200) } });
  await db.drillSchedule.create({ data: { key: "ledger_check", frequency: "daily", durationSeconds: 600, systems: ["all"], createdAt: ago(1) } });
  const schedules = await db.drillSchedule.findMany({ select: { id: true, key: true } });
  ids = Object.fromEntries(schedules.map((schedule) => [schedule.key, schedule.id]));
  const drill = (key: string, performedAt: Date, result: "passed" | "partial" | "failed") => ({
    scheduleId: ids[key]!, performedAt, result, participants: ["Riley"], systems: ["bridge"],
  });
  await db.drillRun.createMany({
    data: [
      drill("backup_verification", ago(10), "failed"),
      drill("backup_verification", ago(3), "passed"), // weekly: due in 4 days
      drill("component_recovery", new Date("2026-05-14T09:00:00Z"), "partial"), // monthly: due 14 June, overdue by a day
    ],
  });
});

describe("drill schedules", () => {
  it("show the last run and the next due date of each, longest drill first", async () => {
    const schedules = await listDrillSchedules(db, now);
    expect(schedules.map((schedule) => [schedule.key, schedule.lastRun?.result ?? null, schedule.nextDueAt.toISOString(), schedule.overdue])).toEqual([
      ["full_recovery", null, ago(200).toISOString(), true],
      ["component_recovery", "partial", "2026-06-14T09:00:00.000Z", true],
      ["backup_verification", "passed", ago(-4).toISOString(), false],
      ["ledger_check", null, ago(1).toISOString(), true],
    ]);
    const weekly = schedules.find((schedule) => schedule.key === "backup_verification")!;
    expect(weekly).toMatchObject({ frequency: "weekly", daysUntilDue: 4, lastRun: { performedAt: ago(3) } });
  });

  it("list the overdue ones, most overdue first; a run today puts a drill back on schedule", async () => {
    expect((await listOverdueDrills(db, now)).map((schedule) => [schedule.key, schedule.daysOverdue])).toEqual([
      ["full_recovery", 200],
      ["component_recovery", 1],
      ["ledger_check", 1],
    ]);
    await db.drillRun.create({ data: { scheduleId: ids.full_recovery!, performedAt: ago(0), result: "passed" } });
    expect((await listOverdueDrills(db, now)).map((schedule) => schedule.key)).toEqual(["component_recovery", "ledger_check"]);
  });
});

describe("drill runs", () => {
  it("are listed newest first, of every schedule or of one", async () => {
    const all = await listDrillRuns(db);
    expect(all.map((run) => [run.schedule.key, run.result])).toEqual([
      ["backup_verification", "passed"],
      ["backup_verification", "failed"],
      ["component_recovery", "partial"],
    ]);
    expect(all[0]).toMatchObject({ participants: ["Riley"], systems: ["bridge"], runbookRunCount: 0, recordedBy: null });
    expect((await listDrillRuns(db, { scheduleId: ids.component_recovery })).map((run) => run.result)).toEqual(["partial"]);
  });

  it("are found one at a time, and an unknown id is nothing", async () => {
    const [newest] = await listDrillRuns(db);
    expect(await getDrillRun(db, newest!.id)).toMatchObject({ id: newest!.id, schedule: { key: "backup_verification", frequency: "weekly" }, runs: [] });
    expect(await getDrillRun(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
