// How fresh a system's last good backup is against the RPO; shared by the page and the freshness job.

export type Freshness = "green" | "amber" | "red" | "none";

/** green within half the RPO, amber within the RPO, red beyond it; none without a good backup. */
export function freshnessOf(ageSeconds: number | null, rpoSeconds: number): Freshness {
  if (ageSeconds === null) return "none";
  if (ageSeconds <= rpoSeconds / 2) return "green";
  return ageSeconds <= rpoSeconds ? "amber" : "red";
}

/** The freshness in words, so it never rests on colour alone. */
export const freshnessLabel: Record<Freshness, string> = {
  green: "Fresh: within half the RPO",
  amber: "Ageing: within the RPO",
  red: "Stale: older than the RPO",
  none: "No backups reported",
};
