import Link from "next/link";
import type { DrillRunDetail } from "@/lib/drills/queries";
import { RunStatusBadge } from "@/components/runbooks/run-status-badge";
import { Timestamp } from "@/components/ui/timestamp";

/** The runbooks launched in drill mode as part of one drill run, newest first, each linking to its live page. */
export function DrillRunbookRuns({ runs }: { runs: DrillRunDetail["runs"] }) {
  if (runs.length === 0) return <p className="text-sm text-slate-600">No runbook has been run as part of this drill.</p>;
  return (
    <ul className="divide-y divide-slate-200 text-sm" data-testid="drill-runbook-runs">
      {runs.map((run) => (
        <li key={run.id} data-testid="drill-runbook-run" data-status={run.status} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
          <span className="rounded bg-violet-600 px-1.5 py-0.5 text-xs font-semibold uppercase text-slate-50">Drill</span>
          <RunStatusBadge status={run.status} />
          <Link href={`/runbooks/runs/${run.id}`} className="font-medium hover:underline">
            {run.runbook.title}
          </Link>
          <span className="text-slate-600"><Timestamp iso={run.requestedAt.toISOString()} /></span>
        </li>
      ))}
    </ul>
  );
}
