import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fieldErrorsOf } from "@/lib/errors";
import { finalSchedule } from "@/lib/oncall/rotation";
import { schedulesSchema } from "./schema";

const file = `
schedules:
  blockchain-primary:
    team: blockchain
    name: "Blockchain primary"
    time_zone: "Europe/London"
    layers:
      - name: "Weekly"
        people: ["Blockchain-Lead@chain138.com", "node-operator@chain138.com"]
        turn: "1 week"
        start: "2026-11-30"
        handoff: "09:00"
      - name: "Office hours cover"
        people: ["consensus-expert@chain138.com"]
        turn: "12 hours"
        start: "2026-11-30"
        handoff: "09:00"
        restrictions:
          - days: [mon, tue, wed, thu, fri]
            from: "09:00"
            to: "17:00"
`;

const errorsOf = (text: string) => {
  const parsed = schedulesSchema.safeParse(parse(text));
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("schedules.yml", () => {
  it("reads layers of contacts by email into what the rotation engine takes", () => {
    const { schedules } = schedulesSchema.parse(parse(file));
    const schedule = schedules["blockchain-primary"]!;
    expect(schedule.layers[0]).toEqual({
      name: "Weekly",
      people: ["blockchain-lead@chain138.com", "node-operator@chain138.com"],
      turn: { length: 1, unit: "weeks" },
      startDate: "2026-11-30",
      handoff: "09:00",
    });
    expect(schedule.layers[1]!.restrictions).toEqual([{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }]);
    // Monday 7 December, 10:00 London: the office-hours layer is over the weekly one.
    const shifts = finalSchedule({ timeZone: schedule.time_zone, layers: schedule.layers, overrides: [] }, new Date("2026-12-07T10:00Z"), new Date("2026-12-07T18:00Z"));
    expect(shifts.map((shift) => shift.personId)).toEqual(["consensus-expert@chain138.com", "node-operator@chain138.com"]);
  });

  it("names each field and the rule it breaks", () => {
    const broken = file
      .replace('time_zone: "Europe/London"', 'time_zone: "Europe/Atlantis"')
      .replace('turn: "1 week"', 'turn: "1 fortnight"')
      .replace('turn: "12 hours"', 'turn: "9000 hours"')
      .replace('handoff: "09:00"\n      - name', 'handoff: "9am"\n      - name')
      .replace("days: [mon, tue, wed, thu, fri]", "days: [mon, funday]")
      .replace('"node-operator@chain138.com"]', '"not-an-address"]');
    expect(errorsOf(broken)).toEqual({
      "schedules.blockchain-primary.time_zone": ["must be an IANA time zone, e.g. Europe/London"],
      "schedules.blockchain-primary.layers.0.people.1": ["must be an email address"],
      "schedules.blockchain-primary.layers.0.turn": ['must be a number of hours, days or weeks, such as "1 week" or "12 hours"'],
      "schedules.blockchain-primary.layers.0.handoff": ["must be a 24-hour local time, HH:MM"],
      "schedules.blockchain-primary.layers.1.turn": ["must be at most 8784 hours"],
      "schedules.blockchain-primary.layers.1.restrictions.0.days.1": ["must be mon, tue, wed, thu, fri, sat or sun"],
    });
    expect(errorsOf("schedules:\n  x:\n    team: blockchain\n    time_zone: UTC\n    layers: []\n")).toEqual({ "schedules.x.layers": ["must have at least one layer"] });
  });
});
