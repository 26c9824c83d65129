import Link from "next/link";
import type { DrillScheduleStatus } from "@/lib/drills/queries";
import type { OverviewMetrics } from "@/lib/incidents/metrics";
import { OpenBySeverityChart } from "./open-by-severity-chart";
import { OverdueDrillsCard } from "./overdue-drills-card";
import { RecoveryChart } from "./recovery-chart";
import { ResponseTimesChart } from "./response-times-chart";
import { StatCard } from "./stat-card";
import { WeeklyIncidentsChart } from "./weekly-incidents-chart";

/** The overview's figures: what needs someone now (incidents, then overdue drills), then the trends. */
export function OverviewFigures({ metrics, overdueDrills }: { metrics: OverviewMetrics; overdueDrills: DrillScheduleStatus[] }) {
  const { open, objectives, recovery } = metrics;
  return (
    <div className="grid gap-6">
      {metrics.includesDemo && (
        <p className="rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900" data-testid="demo-history-note">
          Includes demo history: the seeded demo incidents are counted in these figures, and marked &ldquo;demo&rdquo; in the incident list.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label="Open incidents" value={open.total} testId="open-incidents">
          {open.total === 0 ? "Nothing is open right now." : <Link className="underline" href="/incidents?status=open">See open incidents</Link>}
        </StatCard>
        <StatCard label="Unacknowledged now" value={open.unacknowledged} testId="unacknowledged-incidents" alarming>
          {open.waiting.length === 0 ? (
            "Declared and not yet acknowledged."
          ) : (
            <ul className="grid gap-1" data-testid="waiting-incidents">
              {open.waiting.map((incident) => (
                <li key={incident.id} className="truncate">
                  <Link className="inline-block py-0.5 underline" href={`/incidents/${incident.reference}`}>
                    {incident.reference}
                  </Link>{" "}
                  <span className="uppercase">{incident.severity}</span> · {incident.title}
                </li>
              ))}
              {open.unacknowledged > open.waiting.length && <li>and {open.unacknowledged - open.waiting.length} more</li>}
            </ul>
          )}
        </StatCard>
        <StatCard label="Breached now" value={open.breached} testId="breached-incidents" alarming>
          Open and past the acknowledge-by target.
        </StatCard>
      </div>
      <OverdueDrillsCard overdue={overdueDrills} />
      <div className="grid gap-6 xl:grid-cols-2">
        <OpenBySeverityChart open={open} />
        <WeeklyIncidentsChart weeks={metrics.weeks} severities={metrics.severities} />
        <ResponseTimesChart weeks={metrics.weeks} />
        <RecoveryChart
          title="Time to recover against the RTO"
          testId="chart-time-to-recover"
          measure="Time to recover"
          objective={{ name: "RTO", seconds: objectives.rtoSeconds }}
          unit="hours"
          incidents={recovery.map(({ id, reference, title, timeToRecoverSeconds, rtoBreached }) => ({ id, reference, title, seconds: timeToRecoverSeconds, breached: rtoBreached }))}
          empty={{ title: "No resolved incidents yet.", body: "Each resolved incident's time from declaration to resolution will appear here, against the RTO." }}
        />
        <RecoveryChart
          title="Data loss against the RPO"
          testId="chart-data-loss"
          measure="Data loss"
          objective={{ name: "RPO", seconds: objectives.rpoSeconds }}
          unit="minutes"
          incidents={recovery.map(({ id, reference, title, dataLossSeconds, rpoBreached }) => ({ id, reference, title, seconds: dataLossSeconds, breached: rpoBreached }))}
          empty={{ title: "No resolved incident has recorded its data loss yet.", body: "The data loss recorded when an incident is resolved will appear here, against the RPO." }}
        />
      </div>
    </div>
  );
}
