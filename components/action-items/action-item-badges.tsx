import { actionItemPriorityLabel, type ActionItemPriority } from "@/lib/postmortems/action-items/view";

const priorityTone: Record<ActionItemPriority, string> = {
  high: "bg-red-50 text-red-800 ring-red-200",
  medium: "bg-amber-50 text-amber-800 ring-amber-200",
  low: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function PriorityBadge({ priority }: { priority: ActionItemPriority }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ${priorityTone[priority]}`}>{actionItemPriorityLabel[priority]}</span>;
}

export function OverdueBadge() {
  return (
    <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-slate-50" data-testid="overdue-badge">
      Overdue
    </span>
  );
}
