import type { RunDetail } from "@/lib/runbooks/queries";

type Status = RunDetail["status"] | RunDetail["steps"][number]["status"];

// Runs and steps share most of their states, and one colour each says how it went.
const tone: Record<Status, string> = {
  awaiting_approval: "bg-violet-50 text-violet-800 ring-violet-200",
  queued: "bg-slate-100 text-slate-700 ring-slate-200",
  pending: "bg-slate-100 text-slate-600 ring-slate-200",
  running: "bg-amber-50 text-amber-800 ring-amber-200",
  succeeded: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  failed_unknown: "bg-red-50 text-red-800 ring-red-200",
  timed_out: "bg-red-50 text-red-800 ring-red-200",
  rejected: "bg-slate-100 text-slate-500 ring-slate-200",
  cancelled: "bg-slate-100 text-slate-500 ring-slate-200",
  skipped: "bg-slate-100 text-slate-500 ring-slate-200",
};

export const statusLabel = (status: string) => (status === "failed_unknown" ? "failed (outcome unknown)" : status.replace("_", " "));

export function RunStatusBadge({ status, testId }: { status: Status; testId?: string }) {
  return (
    <span data-testid={testId} data-status={status} className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ring-1 ${tone[status]}`}>
      {statusLabel(status)}
    </span>
  );
}
