import { Timestamp } from "@/components/ui/timestamp";

interface DrillDueProps {
  nextDueAt: Date;
  overdue: boolean;
  daysUntilDue: number;
  daysOverdue: number;
}

const days = (count: number) => `${count} day${count === 1 ? "" : "s"}`;

/** "Overdue" (a red badge) or "Due in N days", with the moment it is or was due. */
export function DrillDue({ nextDueAt, overdue, daysUntilDue, daysOverdue }: DrillDueProps) {
  return (
    <div className="flex flex-col gap-0.5" data-testid="drill-due" data-overdue={overdue}>
      {overdue ? (
        <span>
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200" data-testid="drill-overdue">
            Overdue
          </span>
          {daysOverdue > 0 && <span className="ml-2 text-red-700">by {days(daysOverdue)}</span>}
        </span>
      ) : (
        <span>{daysUntilDue === 0 ? "Due now" : `Due in ${days(daysUntilDue)}`}</span>
      )}
      <span className="text-xs text-slate-600">{overdue ? "since" : "on"} <Timestamp iso={nextDueAt.toISOString()} /></span>
    </div>
  );
}
