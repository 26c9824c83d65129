import { describe, expect, it } from "vitest";
import { addCalendarMonths, addPeriod, drillDue, isDrillFrequency } from "./schedule";

const at = (iso: string) => new Date(iso);

describe("addPeriod", () => {
  it("adds days for daily and weekly drills", () => {
    expect(addPeriod(at("2026-03-28T09:30:00Z"), "daily")).toEqual(at("2026-03-29T09:30:00Z"));
    // Across the European clock change: UTC has none, so a week is exactly seven days.
    expect(addPeriod(at("2026-03-25T09:30:00Z"), "weekly")).toEqual(at("2026-04-01T09:30:00Z"));
  });

  it("keeps the day of the month for monthly, quarterly and yearly drills", () => {
    expect(addPeriod(at("2026-01-15T08:00:00Z"), "monthly")).toEqual(at("2026-02-15T08:00:00Z"));
    expect(addPeriod(at("2026-11-20T08:00:00Z"), "quarterly")).toEqual(at("2027-02-20T08:00:00Z"));
    expect(addPeriod(at("2026-06-30T23:59:59.500Z"), "yearly")).toEqual(at("2027-06-30T23:59:59.500Z"));
  });

  it("moves a day the next month lacks to that month's last day", () => {
    expect(addPeriod(at("2026-01-31T10:00:00Z"), "monthly")).toEqual(at("2026-02-28T10:00:00Z"));
    expect(addPeriod(at("2028-01-31T10:00:00Z"), "monthly")).toEqual(at("2028-02-29T10:00:00Z"));
    expect(addPeriod(at("2026-11-30T10:00:00Z"), "quarterly")).toEqual(at("2027-02-28T10:00:00Z"));
    expect(addPeriod(at("2028-02-29T10:00:00Z"), "yearly")).toEqual(at("2029-02-28T10:00:00Z"));
  });

  it("counts calendar months in UTC, not in the server's time zone", () => {
    // 23:30 UTC on 31 March is already 1 April in UTC+1; the month is still March's.
    expect(addCalendarMonths(at("2026-03-31T23:30:00Z"), 1)).toEqual(at("2026-04-30T23:30:00Z"));
    expect(addCalendarMonths(at("2026-12-15T00:00:00Z"), 1)).toEqual(at("2027-01-15T00:00:00Z"));
  });
});

describe("drillDue", () => {
  const createdAt = at("2026-01-01T00:00:00Z");

  it("is due one period after the last run, and says in how many days", () => {
    const due = drillDue({ frequency: "weekly", createdAt }, at("2026-05-01T12:00:00Z"), at("2026-05-04T12:00:00Z"));
    expect(due).toEqual({ nextDueAt: at("2026-05-08T12:00:00Z"), overdue: false, daysUntilDue: 4, daysOverdue: 0 });
    // Part of a day left still counts as a day.
    expect(drillDue({ frequency: "weekly", createdAt }, at("2026-05-01T12:00:00Z"), at("2026-05-04T12:00:01Z")).daysUntilDue).toBe(4);
    expect(drillDue({ frequency: "weekly", createdAt }, at("2026-05-01T12:00:00Z"), at("2026-05-08T11:00:00Z")).daysUntilDue).toBe(1);
  });

  it("is overdue once the due time has passed, not at it", () => {
    const last = at("2026-04-10T09:00:00Z");
    expect(drillDue({ frequency: "monthly", createdAt }, last, at("2026-05-10T09:00:00Z")).overdue).toBe(false);
    const late = drillDue({ frequency: "monthly", createdAt }, last, at("2026-05-13T10:00:00Z"));
    expect(late).toEqual({ nextDueAt: at("2026-05-10T09:00:00Z"), overdue: true, daysUntilDue: 0, daysOverdue: 3 });
  });

  it("has been due since its schedule was created when it never ran", () => {
    const due = drillDue({ frequency: "quarterly", createdAt }, null, at("2026-01-01T00:00:01Z"));
    expect(due).toMatchObject({ nextDueAt: createdAt, overdue: true, daysOverdue: 0 });
    expect(drillDue({ frequency: "yearly", createdAt }, null, at("2026-01-11T00:00:00Z")).daysOverdue).toBe(10);
  });
});

describe("isDrillFrequency", () => {
  it("knows the plan's five frequencies and nothing else", () => {
    expect(["daily", "weekly", "monthly", "quarterly", "yearly"].every(isDrillFrequency)).toBe(true);
    expect(isDrillFrequency("Weekly")).toBe(false);
    expect(isDrillFrequency("fortnightly")).toBe(false);
  });
});
