import { describe, expect, it } from "vitest";
import { defaultAudience } from "./audience-defaults";

const plan = {
  teams: [
    { id: "t-blockchain", key: "blockchain" },
    { id: "t-security", key: "security" },
    { id: "t-infrastructure", key: "infrastructure" },
  ],
  contacts: [
    { id: "c-primary", emergencyKey: "primary" },
    { id: "c-secondary", emergencyKey: "secondary" },
    { id: "c-security", emergencyKey: "security" },
    { id: "c-member", emergencyKey: null },
  ],
};

const otherTeams = { teams: [{ id: "t-ops", key: "ops" }, { id: "t-dev", key: "dev" }], contacts: plan.contacts };

describe("defaultAudience", () => {
  it("maps each of the plan's notification lines", () => {
    expect(defaultAudience("All stakeholders", plan)).toEqual({
      teamIds: ["t-blockchain", "t-security", "t-infrastructure"],
      contactIds: ["c-primary", "c-secondary", "c-security"],
    });
    expect(defaultAudience("Technical team and management", plan)).toEqual({ teamIds: ["t-blockchain", "t-infrastructure"], contactIds: ["c-primary", "c-secondary"] });
    expect(defaultAudience("Technical team", plan)).toEqual({ teamIds: ["t-blockchain", "t-infrastructure"], contactIds: [] });
    expect(defaultAudience("System administrator", plan)).toEqual({ teamIds: ["t-infrastructure"], contactIds: [] });
  });

  it("reads a line however it is capitalised or spaced", () => {
    expect(defaultAudience("  technical   TEAM ", plan)).toEqual(defaultAudience("Technical team", plan));
  });

  it("falls back to every team, and to the primary contact for the system administrator, without the plan's team keys", () => {
    expect(defaultAudience("Technical team", otherTeams)).toEqual({ teamIds: ["t-ops", "t-dev"], contactIds: [] });
    expect(defaultAudience("System administrator", otherTeams)).toEqual({ teamIds: [], contactIds: ["c-primary"] });
  });

  it("has no default for a line the plan does not use", () => {
    expect(defaultAudience("The on-call engineer", plan)).toBeNull();
  });
});
