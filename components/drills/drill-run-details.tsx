import { Fragment } from "react";
import { assessDrill } from "@/lib/drills/assessment";
import type { DrillRunDetail } from "@/lib/drills/queries";
import type { Objectives } from "@/lib/incidents/rules";
import { Markdown } from "@/components/ui/markdown";
import { Panel } from "@/components/ui/panel";
import { Timestamp } from "@/components/ui/timestamp";
import { MeasuredAgainst } from "./measured-against";
import { DrillResultBadge } from "./result-badge";

/** What a recorded drill found: its facts, its figures against RTO and RPO, and its notes. */
export function DrillRunDetails({ run, systemNames, objectives }: { run: DrillRunDetail; systemNames: Map<string, string>; objectives: Objectives }) {
  const assessment = assessDrill(run, objectives);
  const facts: [string, React.ReactNode][] = [
    ["Result", <DrillResultBadge key="result" result={run.result} />],
    ["Performed", <Timestamp key="performed" iso={run.performedAt.toISOString()} />],
    ["Participants", run.participants.join(", ")],
    ["Systems", run.systems.map((key) => systemNames.get(key) ?? key).join(", ")],
    ["Recovery time", <MeasuredAgainst key="rto" measure={assessment.recoveryTime} objective="RTO" testId="drill-recovery-time" />],
    ["Data loss", <MeasuredAgainst key="rpo" measure={assessment.dataLoss} objective="RPO" testId="drill-data-loss" />],
    ["Recorded", <Fragment key="recorded"><Timestamp iso={run.createdAt.toISOString()} />{run.recordedBy ? ` by ${run.recordedBy.name}` : ""}</Fragment>],
  ];
  return (
    <Panel title="Drill run">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm" data-testid="drill-run-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-4 text-sm font-semibold">Notes</h3>
      {run.notes ? (
        <div className="mt-1 text-sm" data-testid="drill-notes">
          <Markdown>{run.notes}</Markdown>
        </div>
      ) : (
        <p className="text-sm text-slate-600">None.</p>
      )}
    </Panel>
  );
}
