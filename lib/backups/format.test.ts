import { describe, expect, it } from "vitest";
import { formatBytes, shortChecksum } from "./format";
import { freshnessLabel, freshnessOf } from "./freshness-level";

describe("formatBytes", () => {
  it("uses binary units with at most one decimal", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(1023)).toBe("1023 bytes");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(1_500_000_000)).toBe("1.4 GiB");
    expect(formatBytes(250 * 1024 ** 3)).toBe("250 GiB");
    expect(formatBytes(3 * 1024 ** 4)).toBe("3 TiB");
  });
});

describe("shortChecksum", () => {
  it("keeps the start of a long checksum and a short one whole", () => {
    expect(shortChecksum("sha256:9f2c1e7b5a3d4c6e8f0a")).toBe("sha256:9f2c1…");
    expect(shortChecksum("d41d8cd98f")).toBe("d41d8cd98f");
  });
});

describe("freshnessOf", () => {
  it("is green to half the RPO, amber to the RPO, red beyond, none without a backup", () => {
    expect(freshnessOf(150, 300)).toBe("green");
    expect(freshnessOf(151, 300)).toBe("amber");
    expect(freshnessOf(300, 300)).toBe("amber");
    expect(freshnessOf(301, 300)).toBe("red");
    expect(freshnessOf(null, 300)).toBe("none");
    expect(freshnessLabel.red).toBe("Stale: older than the RPO");
  });
});
