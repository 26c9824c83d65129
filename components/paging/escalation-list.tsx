import { Timestamp } from "@/components/ui/timestamp";
import type { EscalationSummary } from "@/lib/paging/queries";

const statusText: Record<EscalationSummary["status"], { label: string; tone: string }> = {
  active: { label: "running", tone: "bg-amber-50 text-amber-800 ring-amber-200" },
  acknowledged: { label: "stopped: acknowledged", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  exhausted: { label: "every step paged", tone: "bg-slate-100 text-slate-700 ring-slate-200" },
  ended: { label: "stopped: incident moved on", tone: "bg-slate-100 text-slate-700 ring-slate-200" },
};

function progress(escalation: EscalationSummary): React.ReactNode {
  const steps = `${escalation.stepCount} ${escalation.stepCount === 1 ? "step" : "steps"}`;
  const repeats = escalation.repeatCount > 0 ? `, repeated up to ${escalation.repeatCount}×` : "";
  if (escalation.status !== "active" || !escalation.nextStepAt) return `${steps}${repeats}`;
  const round = escalation.round > 0 ? ` (repeat ${escalation.round})` : "";
  return (
    <>
      next: step {escalation.nextStep} of {escalation.stepCount}
      {round} at <Timestamp iso={escalation.nextStepAt} />
    </>
  );
}

export function EscalationList({ escalations }: { escalations: EscalationSummary[] }) {
  if (escalations.length === 0) return null;
  return (
    <ul className="grid gap-1 text-sm" aria-label="Escalations" data-testid="escalations">
      {escalations.map((escalation) => {
        const status = statusText[escalation.status];
        return (
          <li key={escalation.id} className="flex flex-wrap items-center gap-2" data-testid="escalation" data-status={escalation.status}>
            <span className="font-medium">{escalation.label}</span>
            <span className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ${status.tone}`}>{status.label}</span>
            <span className="text-slate-600">{progress(escalation)}</span>
          </li>
        );
      })}
    </ul>
  );
}
