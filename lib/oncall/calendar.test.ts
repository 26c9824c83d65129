import { describe, expect, it } from "vitest";
import { calendarShifts, shiftCalendar } from "./calendar";
import { finalSchedule } from "./rotation";

const people: Record<string, string> = { ann: "Ann Lee", bob: "Bob, the; night owl" };
const schedule = { key: "bridge-primary", name: "Bridge primary" };
const plan = {
  timeZone: "Europe/London",
  layers: [{ people: ["ann", "bob"], turn: { length: 1, unit: "weeks" as const }, startDate: "2026-12-07", handoff: "09:00" }],
  overrides: [],
};

describe("calendar feeds", () => {
  const shifts = calendarShifts(schedule, finalSchedule(plan, new Date("2026-12-07T00:00Z"), new Date("2026-12-21T09:00Z")), (id) => people[id]!);

  it("lists the people's shifts, not the gaps, each with a UID that stays the same from one fetch to the next", () => {
    expect(shifts.map((shift) => [shift.personId, shift.start.toISOString(), shift.end.toISOString()])).toEqual([
      ["ann", "2026-12-07T09:00:00.000Z", "2026-12-14T09:00:00.000Z"],
      ["bob", "2026-12-14T09:00:00.000Z", "2026-12-21T09:00:00.000Z"],
    ]);
    const first = shiftCalendar(shifts, { name: "Firebreak on call: Bridge primary", now: new Date("2026-12-01T00:00Z") });
    const later = shiftCalendar(shifts, { name: "Firebreak on call: Bridge primary", now: new Date("2026-12-02T00:00Z") });
    const uids = (text: string) => text.split("\r\n").filter((line) => line.startsWith("UID:"));
    expect(uids(first)).toEqual(["UID:bridge-primary.ann.1796634000000@firebreak", "UID:bridge-primary.bob.1797238800000@firebreak"]);
    expect(uids(later)).toEqual(uids(first));
  });

  it("writes RFC 5545: CRLF lines, UTC times, escaped text, a refresh interval and a link to the schedule", () => {
    const text = shiftCalendar(shifts, {
      name: "Firebreak on call: Bridge primary",
      url: () => "https://firebreak.example/schedules/bridge-primary",
      now: new Date("2026-12-01T00:00Z"),
    });
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text).toContain("PRODID:-//Firebreak//On call//EN");
    expect(text).toContain("X-PUBLISHED-TTL:PT1H");
    expect(text).toContain("DTSTART:20261214T090000Z\r\nDTEND:20261221T090000Z");
    expect(text).toContain("SUMMARY:On call: Bridge primary (Bob\\, the\\; night owl)");
    expect(text).toContain("URL;VALUE=URI:https://firebreak.example/schedules/bridge-primary");
    expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  });
});
