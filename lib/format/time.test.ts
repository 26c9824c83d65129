import { describe, expect, it } from "vitest";
import { formatSpan, formatTimestamp } from "./time";

describe("formatSpan", () => {
  it("reads like a countdown", () => {
    expect(formatSpan(45)).toBe("45s");
    expect(formatSpan(750)).toBe("12m 30s");
    expect(formatSpan(3900)).toBe("1h 05m");
    expect(formatSpan(90_000)).toBe("1d 1h");
    expect(formatSpan(-120)).toBe("2m 00s");
  });
});

describe("formatTimestamp", () => {
  it("shows UTC, whatever the server's zone", () => {
    expect(formatTimestamp("2026-03-01T10:05:00Z")).toBe("1 Mar 2026, 10:05 UTC");
  });
});
