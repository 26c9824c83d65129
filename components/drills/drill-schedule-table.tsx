import Link from "next/link";
import { formatDuration } from "@/lib/config/duration";
import type { DrillScheduleStatus } from "@/lib/drills/queries";
import { Timestamp } from "@/components/ui/timestamp";
import { DrillDue } from "./drill-due";
import { drillName } from "./drill-name";
import { DrillResultBadge } from "./result-badge";

/** The plan's recovery testing schedule, each drill with its last run and when it is next due. */
export function DrillScheduleTable({ schedules }: { schedules: DrillScheduleStatus[] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Drill schedule">
      <table className="w-full text-left text-sm" data-testid="drill-schedules">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Drill</th>
            <th scope="col" className="py-2 pr-4 font-medium">Frequency</th>
            <th scope="col" className="py-2 pr-4 font-medium">Duration</th>
            <th scope="col" className="py-2 pr-4 font-medium">Systems</th>
            <th scope="col" className="py-2 pr-4 font-medium">Last run</th>
            <th scope="col" className="py-2 font-medium">Next due</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {schedules.map((schedule) => (
            <tr key={schedule.id} data-testid="drill-schedule-row" data-key={schedule.key} className="align-top">
              <td className="py-2 pr-4">{drillName(schedule.key)}</td>
              <td className="py-2 pr-4 capitalize">{schedule.frequency}</td>
              <td className="py-2 pr-4">{formatDuration(schedule.durationSeconds)}</td>
              <td className="py-2 pr-4">{schedule.systems.join(", ")}</td>
              <td className="py-2 pr-4" data-testid="drill-last-run">
                {schedule.lastRun ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`/drills/runs/${schedule.lastRun.id}`} className="underline">
                      <Timestamp iso={schedule.lastRun.performedAt.toISOString()} />
                    </Link>
                    <DrillResultBadge result={schedule.lastRun.result} />
                  </span>
                ) : (
                  <span className="text-slate-600">never</span>
                )}
              </td>
              <td className="py-2">
                <DrillDue nextDueAt={schedule.nextDueAt} overdue={schedule.overdue} daysUntilDue={schedule.daysUntilDue} daysOverdue={schedule.daysOverdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
