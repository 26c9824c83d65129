import type { PageRow } from "@/lib/paging/queries";

type PageStatus = PageRow["status"];

const tone: Record<PageStatus, string> = {
  queued: "bg-slate-100 text-slate-700 ring-slate-200",
  sending: "bg-amber-50 text-amber-800 ring-amber-200",
  sent: "bg-sky-50 text-sky-800 ring-sky-200",
  delivered: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  cancelled: "bg-slate-100 text-slate-500 ring-slate-200",
};

export function PageStatusBadge({ status }: { status: PageStatus }) {
  return (
    <span data-testid="page-status" className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ${tone[status]}`}>
      {status}
    </span>
  );
}
