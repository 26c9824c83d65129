"use client";

import Link from "next/link";
import { filtersToSearch, type IncidentFilters } from "@/lib/incidents/filters";
import type { IncidentPage } from "@/lib/incidents/queries";
import { incidentKeys } from "@/lib/live/query-keys";
import type { Rendered } from "@/lib/live/rendered";
import { useLiveData } from "@/components/live/use-live-data";
import { SeverityBadge } from "@/components/plan/severity-levels";
import { Timestamp } from "@/components/ui/timestamp";
import { AckTimer } from "./ack-timer";
import { DemoBadge, StatusBadge } from "./status-badge";

export function IncidentList({ filters, initial }: { filters: IncidentFilters; initial: Rendered<IncidentPage> }) {
  const data = useLiveData({ queryKey: incidentKeys.list(filters), url: `/api/incidents${filtersToSearch(filters)}`, initial });
  if (data.items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700" data-testid="incident-list-empty">
        No incidents match these filters.
      </p>
    );
  }
  return (
    <div>
      <p className="mb-2 text-sm text-slate-600" data-testid="incident-total">
        {data.total} incident{data.total === 1 ? "" : "s"}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="incident-list">
        {data.items.map((incident) => (
          <li key={incident.id} data-testid="incident-row" className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
            <div className="flex shrink-0 items-center gap-2 sm:w-48">
              <SeverityBadge level={incident.severity} />
              <StatusBadge status={incident.status} />
              {incident.isDemo && <DemoBadge />}
            </div>
            <div className="min-w-0 flex-1">
              <Link href={`/incidents/${incident.id}`} className="font-medium hover:underline">
                <span className="text-slate-500">{incident.reference}</span> {incident.title}
              </Link>
              <p className="truncate text-xs text-slate-600">
                {incident.systems.join(", ")} · declared <Timestamp iso={incident.declaredAt} />
                {incident.commander ? ` · commander ${incident.commander}` : ""}
              </p>
            </div>
            <div className="text-sm sm:w-72 sm:text-right">
              {incident.resolvedAt ? (
                <span className={incident.breachedAt ? "text-red-700" : "text-slate-600"}>
                  Resolved <Timestamp iso={incident.resolvedAt} />
                  {incident.breachedAt ? " · ack target breached" : ""}
                </span>
              ) : (
                <AckTimer
                  ackDueAt={incident.ackDueAt}
                  acknowledgedAt={incident.acknowledgedAt}
                  breachedAt={incident.breachedAt}
                  declaredAt={incident.declaredAt}
                />
              )}
            </div>
          </li>
        ))}
      </ul>
      <Pagination filters={filters} page={data.page} pageCount={data.pageCount} />
    </div>
  );
}

function Pagination({ filters, page, pageCount }: { filters: IncidentFilters; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const link = (target: number) => `/incidents${filtersToSearch({ ...filters, page: target })}`;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? <Link className="underline" href={link(page - 1)}>Previous</Link> : <span />}
      <span className="text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link className="underline" href={link(page + 1)}>Next</Link> : <span />}
    </nav>
  );
}
