import { describe, expect, it } from "vitest";
import { hasRole } from "./roles";

describe("hasRole", () => {
  it("orders viewer < responder < commander < admin", () => {
    expect(hasRole("admin", "commander")).toBe(true);
    expect(hasRole("commander", "commander")).toBe(true);
    expect(hasRole("responder", "commander")).toBe(false);
    expect(hasRole("viewer", "responder")).toBe(false);
    expect(hasRole("viewer", "viewer")).toBe(true);
  });

  it("denies anything that is not a known role", () => {
    for (const role of [undefined, null, "", "root", "ADMIN", 3, {}]) {
      expect(hasRole(role, "viewer")).toBe(false);
    }
  });
});
