import { describe, expect, it } from "vitest";
import { timeZoneSchema } from "@/lib/users/schemas";
import { readerZone } from "./reader-zone";
import { canonicalZone, formatTimestamp, isTimeZone } from "./time";

describe("formatTimestamp in a reader's zone", () => {
  it("writes UTC as before, and another zone with its name at that moment, across a DST change", () => {
    expect(formatTimestamp("2026-12-03T16:37:00Z")).toBe("3 Dec 2026, 16:37 UTC");
    expect(formatTimestamp("2026-12-03T16:37:00Z", "Europe/London")).toBe("3 Dec 2026, 16:37 GMT");
    expect(formatTimestamp("2026-07-03T16:37:00Z", "Europe/London")).toBe("3 Jul 2026, 17:37 BST");
    expect(formatTimestamp("2026-12-03T16:37:00Z", "America/New_York")).toMatch(/^3 Dec 2026, 11:37 (EST|GMT-5)$/);
    expect(formatTimestamp("2026-03-08T06:59:00Z", "America/New_York")).toMatch(/^8 Mar 2026, 01:59 (EST|GMT-5)$/);
    expect(formatTimestamp("2026-03-08T07:00:00Z", "America/New_York")).toMatch(/^8 Mar 2026, 03:00 (EDT|GMT-4)$/);
  });

  it("knows IANA zones and treats every alias of UTC as UTC", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(canonicalZone("Etc/UTC")).toBe("UTC");
    expect(canonicalZone("Europe/Paris")).toBe("Europe/Paris");
  });

  it("reads in the zone chosen, else the browser's, else UTC; nonsense is ignored", () => {
    expect(readerZone("Asia/Tokyo", "Europe/London")).toBe("Asia/Tokyo");
    expect(readerZone(null, "Europe/London")).toBe("Europe/London");
    expect(readerZone(null, "Etc/UTC")).toBe("UTC");
    expect(readerZone(null, "<script>")).toBe("UTC");
    expect(readerZone(null, undefined)).toBe("UTC");
  });
});

describe("timeZoneSchema", () => {
  it("takes an IANA zone, or empty for the browser's, and names the field and the rule otherwise", () => {
    expect(timeZoneSchema.parse({ timeZone: "Europe/London" })).toEqual({ timeZone: "Europe/London" });
    expect(timeZoneSchema.parse({ timeZone: "" })).toEqual({ timeZone: null });
    const refused = timeZoneSchema.safeParse({ timeZone: "Europe/Atlantis" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["timeZone"], message: "must be a time zone like Europe/London, or empty for your browser's" });
  });
});
