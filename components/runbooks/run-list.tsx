import Link from "next/link";
import type { RunSummary } from "@/lib/runbooks/queries";
import { Timestamp } from "@/components/ui/timestamp";
import { parameterText } from "./parameter-text";
import { RunStatusBadge } from "./run-status-badge";

interface RunListProps {
  runs: RunSummary[];
  /** Which column the context does not already say: the runbook (on an incident) or the incident (on a runbook). */
  show: "runbook" | "incident";
  empty: string;
}

/** Runs newest first, each linking to its live page. */
export function RunList({ runs, show, empty }: RunListProps) {
  if (runs.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 text-sm" data-testid="run-list">
      {runs.map((run) => (
        <li key={run.id} data-testid="run-row" data-status={run.status} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
          <RunStatusBadge status={run.status} />
          <Link href={`/runbooks/runs/${run.id}`} className="font-medium hover:underline">
            {show === "runbook" ? run.runbook.title : <>Run of <Timestamp iso={run.requestedAt} /></>}
          </Link>
          {Object.keys(run.parameters).length > 0 && <code className="rounded bg-slate-100 px-1 text-xs">{parameterText(run.parameters)}</code>}
          <span className="text-slate-600">
            {run.requestedBy ? `by ${run.requestedBy}` : "requester removed"}
            {show === "runbook" && <> · <Timestamp iso={run.requestedAt} /></>}
            {run.approvedBy && ` · approved by ${run.approvedBy}`}
          </span>
          {show === "incident" && run.incident && (
            <Link href={`/incidents/${run.incident.id}`} className="text-slate-600 underline">
              {run.incident.reference}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
