import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";
import { Timestamp } from "@/components/ui/timestamp";

function Target({ entry }: { entry: AuditRow }) {
  const label = entry.targetLabel ?? entry.targetId;
  if (entry.targetType === "incident" && entry.targetId) {
    return (
      <Link className="underline" href={`/incidents/${entry.targetId}`}>
        {label}
      </Link>
    );
  }
  return (
    <span>
      {entry.targetType}
      {label && <span className="text-slate-600"> {label}</span>}
    </span>
  );
}

/** One entry per line, read as a sentence: what, to what, by whom, when; then the details. */
export function AuditEntries({ entries }: { entries: AuditRow[] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Audit entries, newest first" data-testid="audit-entries">
      {entries.map((entry) => (
        <li key={entry.id} className="px-4 py-3 text-sm" data-testid="audit-entry">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <p className="min-w-0 [overflow-wrap:anywhere]">
              <code className="font-mono text-xs font-semibold" data-testid="audit-action">
                {entry.action}
              </code>{" "}
              <span className="text-slate-500">on</span> <Target entry={entry} /> <span className="text-slate-500">by</span>{" "}
              <span data-testid="audit-actor">{entry.actorLabel}</span>
            </p>
            <Timestamp iso={entry.createdAt} className="text-xs whitespace-nowrap text-slate-600" />
          </div>
          {entry.summary && <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]" data-testid="audit-details">{entry.summary}</p>}
        </li>
      ))}
    </ol>
  );
}
