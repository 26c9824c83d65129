import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drillDue, isDrillFrequency } from "@/lib/drills/schedule";
import { resetDatabase } from "@/test/reset-database";
import { overdueDrills } from "./operations-figures";

// firebreak_drills_overdue repeats lib/drills' due-date rule in SQL; this keeps the two in step
// where calendars are awkward: month ends, leap days, the exact due instant.

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  await resetDatabase(db);
  const schedule = (key: string, frequency: string, performed: string[], createdAt = "2025-01-01T00:00:00Z") =>
    db.drillSchedule.create({
      data: {
        key,
        frequency,
        durationSeconds: 3600,
        systems: ["all"],
        createdAt: at(createdAt),
        runs: { create: performed.map((iso) => ({ performedAt: at(iso), result: "passed" as const })) },
      },
    });
  await schedule("month_end", "monthly", ["2026-01-15T10:00:00Z", "2026-01-31T10:00:00Z"]);
  await schedule("leap_year", "yearly", ["2028-02-29T12:00:00Z"]);
  await schedule("quarter_end", "quarterly", ["2025-11-30T23:30:00Z"]);
  await schedule("weekly_check", "weekly", ["2026-02-21T10:00:00Z"]);
  await schedule("daily_check", "daily", ["2026-02-27T10:00:00Z"]);
  await schedule("never_run", "weekly", [], "2026-02-28T10:00:00Z");
});

async function overdueByLibDrills(now: Date): Promise<number> {
  const schedules = await db.drillSchedule.findMany({
    select: { frequency: true, createdAt: true, runs: { select: { performedAt: true }, orderBy: { performedAt: "desc" }, take: 1 } },
  });
  return schedules.filter((schedule) => {
    if (!isDrillFrequency(schedule.frequency)) return false;
    return drillDue({ frequency: schedule.frequency, createdAt: schedule.createdAt }, schedule.runs[0]?.performedAt ?? null, now).overdue;
  }).length;
}

describe("firebreak_drills_overdue", () => {
  const instants = [
    "2026-02-28T09:59:59.999Z",
    "2026-02-28T10:00:00.000Z",
    "2026-02-28T10:00:00.001Z",
    "2026-03-01T00:00:00.000Z",
    "2029-02-28T12:00:00.000Z",
    "2029-02-28T12:00:00.001Z",
  ];

  it.each(instants)("agrees with lib/drills at %s", async (iso) => {
    expect(await overdueDrills(db, at(iso))).toBe(await overdueByLibDrills(at(iso)));
  });

  it("counts a schedule from the instant after it is due", async () => {
    // month_end (due 28 Feb 10:00), quarter_end (due 28 Feb 23:30), weekly_check (due 28 Feb 10:00), daily_check (due 28 Feb 10:00), never_run (created 28 Feb 10:00).
    expect(await overdueDrills(db, at("2026-02-28T10:00:00.000Z"))).toBe(0);
    expect(await overdueDrills(db, at("2026-02-28T10:00:00.001Z"))).toBe(4);
    expect(await overdueDrills(db, at("2026-02-28T23:30:00.001Z"))).toBe(5);
  });
});
