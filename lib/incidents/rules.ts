import type { Role } from "@/lib/auth/roles";

// The incident lifecycle: declared → acknowledged → mitigated → resolved → closed, and reopen.

export const INCIDENT_STATUSES = ["declared", "acknowledged", "mitigated", "resolved", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const OPEN_STATUSES: readonly IncidentStatus[] = ["declared", "acknowledged", "mitigated"];

export const TRANSITIONS = {
  acknowledge: { from: ["declared"], to: "acknowledged", role: "responder" },
  mitigate: { from: ["declared", "acknowledged"], to: "mitigated", role: "responder" },
  resolve: { from: ["declared", "acknowledged", "mitigated"], to: "resolved", role: "commander" },
  close: { from: ["resolved"], to: "closed", role: "commander" },
  reopen: { from: ["resolved", "closed"], to: "acknowledged", role: "commander" },
} as const satisfies Record<string, { from: readonly IncidentStatus[]; to: IncidentStatus; role: Role }>;

export type Transition = keyof typeof TRANSITIONS;

export function canTransition(transition: Transition, from: IncidentStatus): boolean {
  return (TRANSITIONS[transition].from as readonly IncidentStatus[]).includes(from);
}

export const INCIDENT_ROLES = ["commander", "communications_lead", "scribe"] as const;
export type IncidentRoleName = (typeof INCIDENT_ROLES)[number];

export const incidentRoleLabel: Record<IncidentRoleName, string> = {
  commander: "Incident commander",
  communications_lead: "Communications lead",
  scribe: "Scribe",
};

/** Parses "INC-42" or "42"; null for anything else. */
export function parseIncidentReference(text: string): number | null {
  const match = /^(?:INC-)?(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}

export interface Objectives {
  rtoSeconds: number;
  rpoSeconds: number;
  mtdSeconds: number;
}

// The plan's recovery objectives: RTO 4 h, RPO 5 min, MTD 8 h.
export const PLAN_OBJECTIVES: Objectives = { rtoSeconds: 4 * 3600, rpoSeconds: 5 * 60, mtdSeconds: 8 * 3600 };

export interface RecoveryAssessment {
  /** Declaration to resolution, or to now while unresolved. */
  timeToRecoverSeconds: number;
  rtoBreached: boolean;
  mtdBreached: boolean;
  dataLossSeconds: number | null;
  rpoBreached: boolean;
}

export function assessRecovery(
  incident: { declaredAt: Date; resolvedAt: Date | null; dataLossSeconds: number | null },
  objectives: Objectives,
  now: Date,
): RecoveryAssessment {
  const end = incident.resolvedAt ?? now;
  const timeToRecoverSeconds = Math.max(0, Math.round((end.getTime() - incident.declaredAt.getTime()) / 1000));
  return {
    timeToRecoverSeconds,
    rtoBreached: timeToRecoverSeconds > objectives.rtoSeconds,
    mtdBreached: timeToRecoverSeconds > objectives.mtdSeconds,
    dataLossSeconds: incident.dataLossSeconds,
    rpoBreached: incident.dataLossSeconds !== null && incident.dataLossSeconds > objectives.rpoSeconds,
  };
}

/** Whether the acknowledge-by target has been missed, now or in history. */
export function isAckBreached(incident: { ackDueAt: Date; acknowledgedAt: Date | null; breachedAt: Date | null }, now: Date): boolean {
  if (incident.breachedAt) return true;
  return (incident.acknowledgedAt ?? now).getTime() > incident.ackDueAt.getTime();
}
