import type { DrillResultName } from "@/lib/drills/schemas";

const tone: Record<DrillResultName, string> = {
  passed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  partial: "bg-amber-50 text-amber-800 ring-amber-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

export function DrillResultBadge({ result }: { result: DrillResultName }) {
  return (
    <span data-testid="drill-result" data-result={result} className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ring-1 ${tone[result]}`}>
      {result}
    </span>
  );
}
