import { describe, expect, it } from "vitest";
import { PLAN_OBJECTIVES } from "@/lib/incidents/rules";
import { assessDrill } from "./assessment";

describe("assessDrill", () => {
  it("flags recovery time over the RTO and data loss over the RPO; on the objective is within", () => {
    expect(assessDrill({ recoveryTimeSeconds: 4 * 3600 + 1, dataLossSeconds: 300 }, PLAN_OBJECTIVES)).toEqual({
      recoveryTime: { seconds: 14_401, objectiveSeconds: 14_400, breached: true },
      dataLoss: { seconds: 300, objectiveSeconds: 300, breached: false },
    });
    expect(assessDrill({ recoveryTimeSeconds: 14_400, dataLossSeconds: 301 }, PLAN_OBJECTIVES)).toMatchObject({
      recoveryTime: { breached: false },
      dataLoss: { breached: true },
    });
  });

  it("never flags what was not measured", () => {
    const assessment = assessDrill({ recoveryTimeSeconds: null, dataLossSeconds: null }, { rtoSeconds: 1, rpoSeconds: 1, mtdSeconds: 1 });
    expect(assessment.recoveryTime).toEqual({ seconds: null, objectiveSeconds: 1, breached: false });
    expect(assessment.dataLoss.breached).toBe(false);
  });
});
