import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration";

describe("parseDuration", () => {
  it("reads the plan's response times", () => {
    expect(parseDuration("15 minutes")).toBe(900);
    expect(parseDuration("30 minutes")).toBe(1800);
    expect(parseDuration("2 hours")).toBe(7200);
    expect(parseDuration("24 hours")).toBe(86_400);
    expect(parseDuration("1 day")).toBe(86_400);
  });

  it("refuses what is not a positive duration", () => {
    for (const text of ["", "soon", "15", "0 minutes", "-5 minutes", "15 fortnights", "0.1 seconds"]) {
      expect(parseDuration(text), text).toBeNull();
    }
  });
});

describe("formatDuration", () => {
  it("uses the largest whole unit", () => {
    expect(formatDuration(900)).toBe("15 minutes");
    expect(formatDuration(7200)).toBe("2 hours");
    expect(formatDuration(86_400)).toBe("24 hours");
    expect(formatDuration(3 * 86_400)).toBe("3 days");
    expect(formatDuration(90)).toBe("90 seconds");
  });
});
