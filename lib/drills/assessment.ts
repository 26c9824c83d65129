import type { Objectives } from "@/lib/incidents/rules";

export interface MeasuredAgainst {
  /** What the drill measured; null when it was not measured. */
  seconds: number | null;
  objectiveSeconds: number;
  /** Over the objective, as for an incident: exactly on it is within. */
  breached: boolean;
}

export interface DrillAssessment {
  recoveryTime: MeasuredAgainst;
  dataLoss: MeasuredAgainst;
}

const against = (seconds: number | null, objectiveSeconds: number): MeasuredAgainst => ({
  seconds,
  objectiveSeconds,
  breached: seconds !== null && seconds > objectiveSeconds,
});

/** A drill's measured recovery time against the RTO and its data loss against the RPO. */
export function assessDrill(run: { recoveryTimeSeconds: number | null; dataLossSeconds: number | null }, objectives: Objectives): DrillAssessment {
  return { recoveryTime: against(run.recoveryTimeSeconds, objectives.rtoSeconds), dataLoss: against(run.dataLossSeconds, objectives.rpoSeconds) };
}
