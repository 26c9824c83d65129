import { describe, expect, it } from "vitest";
import { assessRecovery, canTransition, isAckBreached, parseIncidentReference, PLAN_OBJECTIVES } from "./rules";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

describe("lifecycle", () => {
  it("follows declared → acknowledged → mitigated → resolved → closed", () => {
    expect(canTransition("acknowledge", "declared")).toBe(true);
    expect(canTransition("mitigate", "acknowledged")).toBe(true);
    expect(canTransition("resolve", "mitigated")).toBe(true);
    expect(canTransition("close", "resolved")).toBe(true);
  });

  it("refuses steps out of order", () => {
    expect(canTransition("acknowledge", "acknowledged")).toBe(false);
    expect(canTransition("close", "acknowledged")).toBe(false);
    expect(canTransition("resolve", "closed")).toBe(false);
    expect(canTransition("reopen", "declared")).toBe(false);
  });

  it("reopens resolved and closed incidents", () => {
    expect(canTransition("reopen", "resolved")).toBe(true);
    expect(canTransition("reopen", "closed")).toBe(true);
  });
});

describe("acknowledge-by target", () => {
  const incident = { ackDueAt: at(15), acknowledgedAt: null, breachedAt: null };
  it("is not breached before the target", () => expect(isAckBreached(incident, at(14))).toBe(false));
  it("is breached once the target passes unacknowledged", () => expect(isAckBreached(incident, at(16))).toBe(true));
  it("stays met when acknowledged in time", () => expect(isAckBreached({ ...incident, acknowledgedAt: at(10) }, at(600))).toBe(false));
  it("stays breached in history once recorded", () =>
    expect(isAckBreached({ ...incident, acknowledgedAt: at(20), breachedAt: at(15) }, at(600))).toBe(true));
});

describe("assessRecovery", () => {
  it("measures time to recover against RTO and MTD, and data loss against RPO", () => {
    const result = assessRecovery({ declaredAt: at(0), resolvedAt: at(5 * 60), dataLossSeconds: 600 }, PLAN_OBJECTIVES, at(9999));
    expect(result).toEqual({ timeToRecoverSeconds: 18_000, rtoBreached: true, mtdBreached: false, dataLossSeconds: 600, rpoBreached: true });
  });

  it("runs the clock to now while unresolved, and has no data loss verdict without a figure", () => {
    const result = assessRecovery({ declaredAt: at(0), resolvedAt: null, dataLossSeconds: null }, PLAN_OBJECTIVES, at(60));
    expect(result).toMatchObject({ timeToRecoverSeconds: 3600, rtoBreached: false, rpoBreached: false, dataLossSeconds: null });
  });

  it("counts exactly the objective as met", () => {
    const result = assessRecovery({ declaredAt: at(0), resolvedAt: at(240), dataLossSeconds: 300 }, PLAN_OBJECTIVES, at(0));
    expect(result.rtoBreached).toBe(false);
    expect(result.rpoBreached).toBe(false);
  });
});

describe("parseIncidentReference", () => {
  it("reads INC-42 and 42", () => {
    expect(parseIncidentReference("INC-42")).toBe(42);
    expect(parseIncidentReference("inc-7")).toBe(7);
    expect(parseIncidentReference("42")).toBe(42);
    expect(parseIncidentReference("INC-")).toBeNull();
    expect(parseIncidentReference("bridge")).toBeNull();
  });
});
