import type { AlertMapping } from "@/lib/alerts/mapping";

/** The mapping as it stands, for those who may not change it. */
export function AlertMappingSummary({ mapping }: { mapping: AlertMapping }) {
  const rows: [string, string][] = [
    ["Severity label", mapping.severityLabel],
    ["Severity map", Object.entries(mapping.severityMap).map(([value, severity]) => `${value} → ${severity}`).join(", ")],
    ["Default severity", mapping.defaultSeverity],
    ["System labels", mapping.systemLabels.join(", ") || "none"],
    ["Default system", mapping.defaultSystem ?? "none"],
    ["Resolved alerts", mapping.resolveIncidents ? "resolve their incident" : "are noted on the timeline"],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="alert-mapping-summary">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd className="text-slate-600">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
