import { describe, expect, it } from "vitest";
import { defaultDrillSystems } from "./systems";

const catalogue = ["blockchain-nodes", "bridge", "monitoring"];

describe("defaultDrillSystems", () => {
  it("takes every system for \"all\"", () => {
    expect(defaultDrillSystems(["all"], catalogue)).toEqual(catalogue);
    expect(defaultDrillSystems(["All"], catalogue)).toEqual(catalogue);
  });

  it("takes the names that are catalogue keys, in the catalogue's order, and drops the rest", () => {
    expect(defaultDrillSystems(["node", "database", "monitoring"], catalogue)).toEqual(["monitoring"]);
    expect(defaultDrillSystems(["monitoring", "bridge"], catalogue)).toEqual(["bridge", "monitoring"]);
    expect(defaultDrillSystems(["backups"], catalogue)).toEqual([]);
  });
});
