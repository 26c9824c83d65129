// Chart labels and colours shared by the overview's charts.

const severityFill: Record<string, string> = {
  critical: "#b91c1c",
  high: "#f97316",
  medium: "#fbbf24",
  low: "#94a3b8",
};
const otherFills = ["#7c3aed", "#0891b2", "#4d7c0f", "#be185d"];

/** The plan's four severities keep their badge colours; any others get distinct ones. */
export function severityColor(severity: string, index: number): string {
  return severityFill[severity] ?? otherFills[index % otherFills.length]!;
}

export const WITHIN_FILL = "#64748b";
export const BREACH_FILL = "#dc2626";
export const OBJECTIVE_STROKE = "#7f1d1d";

/** "10 Mar" for the week starting 2025-03-10. */
export function weekLabel(weekStart: string): string {
  return new Date(`${weekStart}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

export function toMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 60) * 10) / 10;
}

export function toHours(seconds: number): number {
  return Math.round((seconds / 3600) * 100) / 100;
}
