import Link from "next/link";
import { postmortemStatusLabel, type PostmortemListItem } from "@/lib/postmortems/document/queries";
import { SeverityBadge } from "@/components/plan/severity-levels";
import { Timestamp } from "@/components/ui/timestamp";

/** Every post-mortem, most recently changed first. */
export function PostmortemList({ items }: { items: PostmortemListItem[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="postmortem-list">
      {items.map((item) => (
        <li key={item.id} data-testid="postmortem-row" className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
          <div className="flex shrink-0 items-center gap-2 sm:w-48">
            <SeverityBadge level={item.incident.severity} />
            <span className="text-xs font-medium text-slate-700">{postmortemStatusLabel[item.status]}</span>
          </div>
          <div className="min-w-0 flex-1">
            <Link href={`/postmortems/${item.id}`} className="font-medium hover:underline">
              {item.title}
            </Link>
          </div>
          <div className="text-sm text-slate-600 sm:w-72 sm:text-right">
            {item.openActionItems === 1 ? "1 open action item" : `${item.openActionItems} open action items`} · <Timestamp iso={item.publishedAt ?? item.updatedAt} />
          </div>
        </li>
      ))}
    </ul>
  );
}
