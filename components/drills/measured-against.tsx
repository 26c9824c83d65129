import { formatDuration } from "@/lib/config/duration";
import type { MeasuredAgainst as Measure } from "@/lib/drills/assessment";
import { formatSpan } from "@/lib/format/time";

/** A drill's measured figure beside the objective it is held to ("4h 35m · RTO 4 hours · breached"). */
export function MeasuredAgainst({ measure, objective, testId }: { measure: Measure; objective: "RTO" | "RPO"; testId: string }) {
  const target = `${objective} ${formatDuration(measure.objectiveSeconds)}`;
  if (measure.seconds === null) {
    return (
      <span className="text-slate-500" data-testid={testId} data-breached="false">
        not measured
      </span>
    );
  }
  return (
    <span className="flex flex-col" data-testid={testId} data-breached={measure.breached}>
      <span className="font-medium tabular-nums">{formatSpan(measure.seconds)}</span>
      <span className={`text-xs ${measure.breached ? "font-semibold text-red-700" : "text-slate-600"}`}>
        {target} · {measure.breached ? "breached" : "within"}
      </span>
    </span>
  );
}
