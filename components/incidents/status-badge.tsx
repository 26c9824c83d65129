const tone: Record<string, string> = {
  declared: "bg-red-50 text-red-800 ring-red-200",
  acknowledged: "bg-amber-50 text-amber-800 ring-amber-200",
  mitigated: "bg-sky-50 text-sky-800 ring-sky-200",
  resolved: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  closed: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span data-testid="status-badge" className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ${tone[status] ?? tone.closed}`}>
      {status}
    </span>
  );
}

export function DemoBadge() {
  return <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800">demo</span>;
}
