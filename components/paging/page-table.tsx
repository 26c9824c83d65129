import type { PageRow } from "@/lib/paging/queries";
import { viaPhrase } from "@/lib/incidents/events";
import { channelLabel, pageKindLabel } from "@/lib/paging/labels";
import { Timestamp } from "@/components/ui/timestamp";
import { PageStatusBadge } from "./page-status-badge";

/** When the page reached the status it has now. */
function statusTime(page: PageRow): string {
  const times = { queued: page.queuedAt, sending: page.queuedAt, sent: page.sentAt, delivered: page.deliveredAt, failed: page.failedAt, cancelled: page.cancelledAt };
  return times[page.status] ?? page.queuedAt;
}

function stepText(page: PageRow): string {
  if (page.step === null) return "—";
  const round = page.round ? ` · repeat ${page.round}` : "";
  return `${page.escalation ? `${page.escalation} · ` : ""}step ${page.step}${round}`;
}

const cell = "px-2 py-2 align-top";

export function PageTable({ pages }: { pages: PageRow[] }) {
  if (pages.length === 0) return <p className="text-sm text-slate-600">Nobody has been paged for this incident.</p>;
  const byId = new Map(pages.map((page) => [page.id, page]));
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Every page and attempt">
      <table className="w-full min-w-[44rem] text-left text-sm" data-testid="pages">
        <thead className="border-b border-slate-200 text-xs text-slate-600">
          <tr>
            <th className={cell}>Person</th>
            <th className={cell}>Channel</th>
            <th className={cell}>Kind</th>
            <th className={cell}>Step</th>
            <th className={cell}>Status</th>
            <th className={cell}>Attempts</th>
            <th className={cell}>Provider id</th>
            <th className={cell}>Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {pages.map((page) => {
            const original = page.fallbackForId ? byId.get(page.fallbackForId) : undefined;
            return (
              <tr key={page.id} data-testid="page-row" data-status={page.status} data-channel={page.channel} data-kind={page.kind}>
                <td className={cell}>
                  <p className="font-medium">{page.recipientName}</p>
                  <p className="text-xs text-slate-600 [overflow-wrap:anywhere]">{page.recipient}</p>
                </td>
                <td className={cell}>{channelLabel[page.channel]}</td>
                <td className={cell}>{pageKindLabel[page.kind]}</td>
                <td className={cell}>{stepText(page)}</td>
                <td className={cell}>
                  <PageStatusBadge status={page.status} />
                  <Timestamp iso={statusTime(page)} className="mt-1 block text-xs text-slate-600" />
                </td>
                <td className={`${cell} tabular-nums`}>{page.attempts}</td>
                <td className={`${cell} font-mono text-xs break-all`}>{page.providerId ?? "—"}</td>
                <td className={`${cell} text-xs`}>
                  {page.error && <p className="text-red-700" data-testid="page-error">{page.error}</p>}
                  {page.fallbackForId && (
                    <p data-testid="page-fallback">Fallback for the {original ? `${channelLabel[original.channel]} that failed` : "page that failed"}</p>
                  )}
                  {page.acknowledgedAt && (
                    <p className="text-emerald-800" data-testid="page-acknowledged">
                      Acknowledged {viaPhrase(page.acknowledgedVia)} at <Timestamp iso={page.acknowledgedAt} />
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
