import { describe, expect, it } from "vitest";
import { parseUtcDateTimeLocal, toUtcDateTimeLocal } from "./datetime-local";

describe("datetime-local in UTC", () => {
  it("reads the browser's value as UTC, with or without seconds", () => {
    expect(parseUtcDateTimeLocal("2026-05-04T09:30")).toEqual(new Date("2026-05-04T09:30:00Z"));
    expect(parseUtcDateTimeLocal("2026-05-04T09:30:15")).toEqual(new Date("2026-05-04T09:30:15Z"));
    expect(parseUtcDateTimeLocal("2026-05-04T09:30:15.250")).toEqual(new Date("2026-05-04T09:30:15Z"));
  });

  it("refuses what is not a real date and time", () => {
    for (const text of ["", "2026-05-04", "2026-02-30T10:00", "2026-13-01T10:00", "2026-05-04T24:00", "2026-05-04T09:30Z", "yesterday"]) {
      expect(parseUtcDateTimeLocal(text), text).toBeNull();
    }
  });

  it("writes a moment back as the input's value, to the minute", () => {
    expect(toUtcDateTimeLocal(new Date("2026-05-04T09:30:59.999Z"))).toBe("2026-05-04T09:30");
    expect(parseUtcDateTimeLocal(toUtcDateTimeLocal(new Date("2028-02-29T23:59:00Z")))).toEqual(new Date("2028-02-29T23:59:00Z"));
  });
});
