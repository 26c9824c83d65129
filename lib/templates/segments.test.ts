import { describe, expect, it } from "vitest";
import { smsSegments } from "./segments";

describe("smsSegments", () => {
  it("fits 160 GSM-7 characters in one part and splits at 161 into parts of 153", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", characters: 160, segments: 1 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", characters: 161, segments: 2 });
    expect(smsSegments("a".repeat(306))).toEqual({ encoding: "GSM-7", characters: 306, segments: 2 });
    expect(smsSegments("a".repeat(307))).toEqual({ encoding: "GSM-7", characters: 307, segments: 3 });
  });

  it("counts the GSM-7 extension characters twice", () => {
    expect(smsSegments("^{}\\[~]|€\f")).toEqual({ encoding: "GSM-7", characters: 20, segments: 1 });
    expect(smsSegments(`${"a".repeat(158)}€`)).toEqual({ encoding: "GSM-7", characters: 160, segments: 1 });
    expect(smsSegments(`${"a".repeat(159)}€`)).toEqual({ encoding: "GSM-7", characters: 161, segments: 2 });
  });

  it("keeps the basic set's accented letters in GSM-7", () => {
    expect(smsSegments("Ärger über Çà é £5 @ 10:00\n")).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });

  it("switches the whole message to UCS-2 for any other character, counting UTF-16 units", () => {
    expect(smsSegments(`🔥${"a".repeat(68)}`)).toEqual({ encoding: "UCS-2", characters: 70, segments: 1 });
    expect(smsSegments(`🔥${"a".repeat(69)}`)).toEqual({ encoding: "UCS-2", characters: 71, segments: 2 });
    expect(smsSegments("—")).toEqual({ encoding: "UCS-2", characters: 1, segments: 1 });
  });

  it("never splits an emoji between parts", () => {
    // 66 units then an emoji: the emoji cannot take the 67th unit, so it starts the second part.
    expect(smsSegments(`${"a".repeat(66)}🔥${"a".repeat(66)}`)).toEqual({ encoding: "UCS-2", characters: 134, segments: 3 });
    expect(smsSegments("a".repeat(134).replace(/^a/, "é").replace(/a$/, "—"))).toMatchObject({ encoding: "UCS-2", characters: 134, segments: 2 });
  });

  it("costs nothing for an empty message", () => {
    expect(smsSegments("")).toEqual({ encoding: "GSM-7", characters: 0, segments: 0 });
  });
});
