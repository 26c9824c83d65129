import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finalSchedule, gapSeconds, onCallAt, type RotationLayer, type ScheduleDefinition } from "./rotation";

const at = (iso: string) => new Date(iso);
const schedule = (timeZone: string, layers: RotationLayer[], overrides: ScheduleDefinition["overrides"] = []): ScheduleDefinition => ({ timeZone, layers, overrides });
const weekly = (people: string[], startDate: string, handoff = "09:00"): RotationLayer => ({ people, turn: { length: 1, unit: "weeks" }, startDate, handoff });
/** Each shift as "person start→end" in UTC ISO without seconds. */
const read = (shifts: ReturnType<typeof finalSchedule>) =>
  shifts.map((shift) => `${shift.personId ?? "-"} ${shift.start.toISOString().slice(0, 16)}→${shift.end.toISOString().slice(0, 16)}`);

describe("turns", () => {
  it("hands a weekly rotation on at the local handoff, in order, round and round", () => {
    // 2026-12-07 is a Monday; London is on GMT in December.
    const shifts = finalSchedule(schedule("Europe/London", [weekly(["ann", "bob", "cy"], "2026-12-07")]), at("2026-12-07T00:00Z"), at("2027-01-05T00:00Z"));
    expect(read(shifts)).toEqual([
      "- 2026-12-07T00:00→2026-12-07T09:00",
      "ann 2026-12-07T09:00→2026-12-14T09:00",
      "bob 2026-12-14T09:00→2026-12-21T09:00",
      "cy 2026-12-21T09:00→2026-12-28T09:00",
      "ann 2026-12-28T09:00→2027-01-04T09:00",
      "bob 2027-01-04T09:00→2027-01-05T00:00",
    ]);
  });

  it("counts turns of days and of hours, and finds the right turn for a window long after the start", () => {
    const daily: RotationLayer = { people: ["ann", "bob"], turn: { length: 2, unit: "days" }, startDate: "2026-01-01", handoff: "08:30" };
    expect(read(finalSchedule(schedule("UTC", [daily]), at("2026-12-01T00:00Z"), at("2026-12-04T00:00Z")))).toEqual([
      // 1 December is 334 days after the start: turn 166 (ann's) ends there at 08:30 and turn 167 (bob's) begins.
      "ann 2026-12-01T00:00→2026-12-01T08:30",
      "bob 2026-12-01T08:30→2026-12-03T08:30",
      "ann 2026-12-03T08:30→2026-12-04T00:00",
    ]);
    const hourly: RotationLayer = { people: ["ann", "bob", "cy"], turn: { length: 8, unit: "hours" }, startDate: "2026-12-01", handoff: "06:00" };
    expect(read(finalSchedule(schedule("UTC", [hourly]), at("2026-12-02T00:00Z"), at("2026-12-02T12:00Z")))).toEqual([
      "cy 2026-12-02T00:00→2026-12-02T06:00",
      "ann 2026-12-02T06:00→2026-12-02T12:00",
    ]);
  });

  it("keeps a 09:00 handoff at 09:00 across both daylight-saving changes in London and New York", () => {
    const daily = (startDate: string): RotationLayer => ({ people: ["ann", "bob"], turn: { length: 1, unit: "days" }, startDate, handoff: "09:00" });
    // London: clocks go forward on 29 March 2026 (01:00 UTC) and back on 25 October (01:00 UTC).
    expect(read(finalSchedule(schedule("Europe/London", [daily("2026-03-28")]), at("2026-03-28T09:00Z"), at("2026-03-30T08:00Z")))).toEqual([
      "ann 2026-03-28T09:00→2026-03-29T08:00",
      "bob 2026-03-29T08:00→2026-03-30T08:00",
    ]);
    expect(read(finalSchedule(schedule("Europe/London", [daily("2026-10-24")]), at("2026-10-24T08:00Z"), at("2026-10-26T09:00Z")))).toEqual([
      "ann 2026-10-24T08:00→2026-10-25T09:00",
      "bob 2026-10-25T09:00→2026-10-26T09:00",
    ]);
    // New York: forward on 8 March 2026, back on 1 November.
    expect(read(finalSchedule(schedule("America/New_York", [daily("2026-03-07")]), at("2026-03-07T14:00Z"), at("2026-03-09T13:00Z")))).toEqual([
      "ann 2026-03-07T14:00→2026-03-08T13:00",
      "bob 2026-03-08T13:00→2026-03-09T13:00",
    ]);
    expect(read(finalSchedule(schedule("America/New_York", [daily("2026-10-31")]), at("2026-10-31T13:00Z"), at("2026-11-02T14:00Z")))).toEqual([
      "ann 2026-10-31T13:00→2026-11-01T14:00",
      "bob 2026-11-01T14:00→2026-11-02T14:00",
    ]);
  });

  it("reads a handoff the clocks skip as after the change, and one they repeat as its first occurrence", () => {
    const at0130 = (startDate: string): RotationLayer => ({ people: ["ann", "bob"], turn: { length: 1, unit: "days" }, startDate, handoff: "01:30" });
    // 01:30 does not exist in London on 29 March 2026: the handoff is at 02:30 BST (01:30 UTC).
    expect(read(finalSchedule(schedule("Europe/London", [at0130("2026-03-28")]), at("2026-03-28T00:00Z"), at("2026-03-30T12:00Z")))).toEqual([
      "- 2026-03-28T00:00→2026-03-28T01:30",
      "ann 2026-03-28T01:30→2026-03-29T01:30",
      "bob 2026-03-29T01:30→2026-03-30T00:30",
      "ann 2026-03-30T00:30→2026-03-30T12:00",
    ]);
    // 01:30 happens twice on 25 October: the first, BST (00:30 UTC).
    expect(read(finalSchedule(schedule("Europe/London", [at0130("2026-10-24")]), at("2026-10-24T00:00Z"), at("2026-10-26T12:00Z"))).slice(1)).toEqual([
      "ann 2026-10-24T00:30→2026-10-25T00:30",
      "bob 2026-10-25T00:30→2026-10-26T01:30",
      "ann 2026-10-26T01:30→2026-10-26T12:00",
    ]);
  });

  it("counts turns of hours as elapsed time, so their local handoff moves when the clocks change", () => {
    const twelveHours: RotationLayer = { people: ["ann", "bob"], turn: { length: 12, unit: "hours" }, startDate: "2026-03-28", handoff: "08:00" };
    expect(read(finalSchedule(schedule("Europe/London", [twelveHours]), at("2026-03-29T00:00Z"), at("2026-03-29T21:00Z")))).toEqual([
      "bob 2026-03-29T00:00→2026-03-29T08:00",
      "ann 2026-03-29T08:00→2026-03-29T20:00",
      "bob 2026-03-29T20:00→2026-03-29T21:00",
    ]);
  });
});

describe("restrictions, layers and overrides", () => {
  it("limits a layer to its hours and days, and shows the rest as gaps", () => {
    const officeHours: RotationLayer = { ...weekly(["ann", "bob"], "2026-12-07"), restrictions: [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }] };
    const shifts = finalSchedule(schedule("Europe/London", [officeHours]), at("2026-12-11T00:00Z"), at("2026-12-15T00:00Z"));
    expect(read(shifts)).toEqual([
      "- 2026-12-11T00:00→2026-12-11T09:00",
      "ann 2026-12-11T09:00→2026-12-11T17:00",
      "- 2026-12-11T17:00→2026-12-14T09:00",
      "bob 2026-12-14T09:00→2026-12-14T17:00",
      "- 2026-12-14T17:00→2026-12-15T00:00",
    ]);
  });

  it("runs an overnight restriction past midnight, including from the day before the window", () => {
    const nights: RotationLayer = { ...weekly(["ann"], "2026-12-07"), restrictions: [{ from: "22:00", to: "06:00" }] };
    expect(read(finalSchedule(schedule("UTC", [nights]), at("2026-12-10T03:00Z"), at("2026-12-11T07:00Z")))).toEqual([
      "ann 2026-12-10T03:00→2026-12-10T06:00",
      "- 2026-12-10T06:00→2026-12-10T22:00",
      "ann 2026-12-10T22:00→2026-12-11T06:00",
      "- 2026-12-11T06:00→2026-12-11T07:00",
    ]);
  });

  it("puts a higher layer over a lower one where it has someone, and an override over both", () => {
    const primary = weekly(["ann", "bob"], "2026-12-07");
    const daytime: RotationLayer = { ...weekly(["cy"], "2026-12-07"), restrictions: [{ from: "09:00", to: "17:00" }] };
    const cover = { personId: "dee", start: at("2026-12-08T12:00Z"), end: at("2026-12-08T20:00Z") };
    const later = { personId: "eve", start: at("2026-12-08T19:00Z"), end: at("2026-12-08T19:30Z") };
    expect(read(finalSchedule(schedule("UTC", [primary, daytime], [cover, later]), at("2026-12-08T00:00Z"), at("2026-12-09T00:00Z")))).toEqual([
      "ann 2026-12-08T00:00→2026-12-08T09:00",
      "cy 2026-12-08T09:00→2026-12-08T12:00",
      "dee 2026-12-08T12:00→2026-12-08T19:00",
      "eve 2026-12-08T19:00→2026-12-08T19:30",
      "dee 2026-12-08T19:30→2026-12-08T20:00",
      "ann 2026-12-08T20:00→2026-12-09T00:00",
    ]);
  });

  it("answers who is on call now and until when, and counts the gap seconds", () => {
    const officeHours: RotationLayer = { ...weekly(["ann", "bob"], "2026-12-07"), restrictions: [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }] };
    const plan = schedule("UTC", [officeHours]);
    expect(onCallAt(plan, at("2026-12-08T10:00Z"))).toMatchObject({ personId: "ann", source: 0, end: at("2026-12-08T17:00Z") });
    expect(onCallAt(plan, at("2026-12-08T18:00Z"))).toMatchObject({ personId: null, source: null, end: at("2026-12-09T09:00Z") });
    // A week from Monday 00:00: five office days of eight hours are covered.
    expect(gapSeconds(plan, at("2026-12-07T00:00Z"), at("2026-12-14T00:00Z"))).toBe((7 * 24 - 5 * 8) * 3600);
  });
});

describe("the final schedule", () => {
  const zones = ["UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe"];
  const layer = fc.record({
    people: fc.array(fc.constantFrom("ann", "bob", "cy", "dee"), { minLength: 1, maxLength: 4 }),
    turn: fc.record({ length: fc.integer({ min: 1, max: 30 }), unit: fc.constantFrom("hours" as const, "days" as const, "weeks" as const) }),
    startDate: fc.date({ min: new Date("2025-10-01T00:00Z"), max: new Date("2026-12-01T00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    handoff: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
    restrictions: fc.option(
      fc.array(
        fc.record({
          days: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), { nil: undefined }),
          from: fc.constantFrom("00:00", "01:30", "09:00", "22:00"),
          to: fc.constantFrom("00:00", "02:30", "17:00", "06:00"),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      { nil: undefined },
    ),
  });

  it("covers the window end to end, without overlaps, never naming anyone outside the layers and overrides", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(layer, { minLength: 1, maxLength: 3 }),
        fc.date({ min: new Date("2026-01-01T00:00Z"), max: new Date("2026-12-31T00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 21 * 24 }),
        (timeZone, layers, from, hours) => {
          const to = new Date(from.getTime() + hours * 3_600_000);
          const plan = schedule(timeZone, layers as RotationLayer[], [{ personId: "zed", start: from, end: new Date(from.getTime() + 3_600_000) }]);
          const shifts = finalSchedule(plan, from, to);
          expect(shifts[0]!.start).toEqual(from);
          expect(shifts.at(-1)!.end).toEqual(to);
          for (const [index, shift] of shifts.entries()) {
            expect(shift.start.getTime()).toBeLessThan(shift.end.getTime());
            if (index > 0) expect(shift.start).toEqual(shifts[index - 1]!.end);
          }
          expect(shifts[0]).toMatchObject({ personId: "zed", source: "override" });
          const everyone = new Set(["zed", ...layers.flatMap((entry) => entry.people)]);
          for (const shift of shifts) if (shift.personId !== null) expect(everyone.has(shift.personId)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
