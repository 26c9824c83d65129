import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { layerSchema, timeZoneSchema } from "./schemas";

const valid = { people: ["ann", "bob"], turn: { length: 1, unit: "weeks" }, startDate: "2026-12-07", handoff: "09:00" };
const errorsOf = (input: unknown) => {
  const parsed = layerSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("rotation layers", () => {
  it("accepts a layer, with or without restrictions", () => {
    expect(layerSchema.parse(valid)).toEqual(valid);
    expect(layerSchema.parse({ ...valid, restrictions: [{ days: [1, 5], from: "22:00", to: "06:00" }] }).restrictions).toEqual([{ days: [1, 5], from: "22:00", to: "06:00" }]);
  });

  it("names each field and the rule it breaks", () => {
    expect(errorsOf({ ...valid, people: [], turn: { length: 0, unit: "months" }, startDate: "2026-02-30", handoff: "9:00" })).toMatchObject({
      people: ["must name at least one person"],
      "turn.length": ["must be at least 1"],
      "turn.unit": ["must be hours, days or weeks"],
      startDate: ["must be a date, YYYY-MM-DD"],
      handoff: ["must be a 24-hour local time, HH:MM"],
    });
    expect(errorsOf({ ...valid, people: ["ann", "ann"] })).toEqual({ people: ["must not name anyone twice"] });
    expect(errorsOf({ ...valid, turn: { length: 53, unit: "weeks" } })).toEqual({ "turn.length": ["must be at most 52 weeks"] });
    expect(errorsOf({ ...valid, restrictions: [{ days: [0, 1, 1], from: "24:00", to: "06:00" }] })).toMatchObject({
      "restrictions.0.days.0": ["must be 1 (Monday) to 7 (Sunday)"],
      "restrictions.0.from": ["must be a 24-hour local time, HH:MM"],
    });
    expect(errorsOf({ ...valid, colour: "red" }).form?.[0]).toMatch(/colour/);
  });

  it("takes IANA zones only", () => {
    expect(timeZoneSchema.safeParse("America/New_York").success).toBe(true);
    expect(timeZoneSchema.safeParse("Mars/Olympus").error?.issues[0]?.message).toBe("must be an IANA time zone, e.g. Europe/London");
  });
});
