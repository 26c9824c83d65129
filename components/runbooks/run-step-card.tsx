"use client";

import { formatSpan } from "@/lib/format/time";
import type { RunDetail } from "@/lib/runbooks/queries";
import { useNow } from "@/components/incidents/use-now";
import { RunOutputLog } from "./run-output-log";
import { RunStatusBadge } from "./run-status-badge";

type Step = RunDetail["steps"][number];

function duration(step: Step, now: Date | null): string | null {
  if (!step.startedAt) return null;
  const end = step.finishedAt ? new Date(step.finishedAt) : now;
  if (!end) return null;
  const ms = end.getTime() - new Date(step.startedAt).getTime();
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatSpan(ms / 1000);
}

/** One step of a run: how it went, and what it printed. */
export function RunStepCard({ number, step, output }: { number: number; step: Step; output: RunDetail["output"] }) {
  const now = useNow();
  const took = duration(step, now);
  return (
    <li data-testid="run-step" data-status={step.status} className="grid gap-2 rounded-md border border-slate-200 p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-slate-500">{number}.</span>
        <span className="font-medium">{step.name}</span>
        <span className="text-xs uppercase tracking-wide text-slate-500">{step.kind}</span>
        <RunStatusBadge status={step.status} testId="run-step-status" />
        {took && <span className="text-slate-600">{step.status === "running" ? `running for ${took}` : took}</span>}
        {step.exitCode !== null && <span className="text-slate-600" data-testid="run-step-exit-code">exit code {step.exitCode}</span>}
      </div>
      {step.result && (
        <p data-testid="run-step-result">
          <span className="text-slate-600">Result:</span> {step.result}
        </p>
      )}
      {step.error && (
        <p className="text-red-700" data-testid="run-step-error">
          {step.error}
        </p>
      )}
      {output.length > 0 && <RunOutputLog chunks={output} following={step.status === "running"} />}
    </li>
  );
}
