import Link from "next/link";
import { assessDrill } from "@/lib/drills/assessment";
import type { DrillRunSummary } from "@/lib/drills/queries";
import type { Objectives } from "@/lib/incidents/rules";
import { Timestamp } from "@/components/ui/timestamp";
import { drillName } from "./drill-name";
import { MeasuredAgainst } from "./measured-against";
import { DrillResultBadge } from "./result-badge";

/** Recorded drills, newest first: result, who took part, and the measured figures against RTO and RPO. */
export function DrillRunHistory({ runs, objectives }: { runs: DrillRunSummary[]; objectives: Objectives }) {
  if (runs.length === 0) return <p className="text-sm text-slate-600">No drill has been recorded yet.</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Drill runs">
      <table className="w-full text-left text-sm" data-testid="drill-runs">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Performed</th>
            <th scope="col" className="py-2 pr-4 font-medium">Drill</th>
            <th scope="col" className="py-2 pr-4 font-medium">Result</th>
            <th scope="col" className="py-2 pr-4 font-medium">Recovery time</th>
            <th scope="col" className="py-2 pr-4 font-medium">Data loss</th>
            <th scope="col" className="py-2 font-medium">Participants</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => {
            const assessment = assessDrill(run, objectives);
            return (
              <tr key={run.id} data-testid="drill-run-row" data-schedule={run.schedule.key} className="align-top">
                <td className="py-2 pr-4">
                  <Link href={`/drills/runs/${run.id}`} className="font-medium underline">
                    <Timestamp iso={run.performedAt.toISOString()} />
                  </Link>
                  {run.runbookRunCount > 0 && (
                    <span className="block text-xs text-slate-600">
                      {run.runbookRunCount} runbook run{run.runbookRunCount === 1 ? "" : "s"}
                    </span>
                  )}
                </td>
                <td className="py-2 pr-4">{drillName(run.schedule.key)}</td>
                <td className="py-2 pr-4">
                  <DrillResultBadge result={run.result} />
                </td>
                <td className="py-2 pr-4">
                  <MeasuredAgainst measure={assessment.recoveryTime} objective="RTO" testId="drill-recovery-time" />
                </td>
                <td className="py-2 pr-4">
                  <MeasuredAgainst measure={assessment.dataLoss} objective="RPO" testId="drill-data-loss" />
                </td>
                <td className="py-2">{run.participants.join(", ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
