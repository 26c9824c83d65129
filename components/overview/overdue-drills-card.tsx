import Link from "next/link";
import { drillName } from "@/components/drills/drill-name";
import type { DrillScheduleStatus } from "@/lib/drills/queries";
import { Panel } from "@/components/ui/panel";
import { Timestamp } from "@/components/ui/timestamp";

/** The drills past their due date, most overdue first: an untested recovery is a risk the overview shows. */
export function OverdueDrillsCard({ overdue }: { overdue: DrillScheduleStatus[] }) {
  return (
    <Panel title="Overdue drills" actions={<Link className="text-sm underline" href="/drills">Drills</Link>}>
      <div data-testid="overdue-drills" data-count={overdue.length}>
        {overdue.length === 0 ? (
          <p className="text-sm text-slate-600">All drills on schedule.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {overdue.map((drill) => (
              <li key={drill.id} data-testid="overdue-drill" data-key={drill.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200">Overdue</span>
                <span className="font-medium">{drillName(drill.key)}</span>
                <span className="capitalize text-slate-600">{drill.frequency}</span>
                <span className="text-slate-600">
                  {drill.lastRun ? <>last run <Timestamp iso={drill.lastRun.performedAt.toISOString()} /></> : "never run"}, due since <Timestamp iso={drill.nextDueAt.toISOString()} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
}
