"use client";

import { incidentKeys } from "@/lib/live/query-keys";
import type { Rendered } from "@/lib/live/rendered";
import type { IncidentPaging } from "@/lib/paging/queries";
import { useLiveData } from "@/components/live/use-live-data";
import { Panel } from "@/components/ui/panel";
import { AcknowledgementLine } from "./acknowledgement-line";
import { EscalationList } from "./escalation-list";
import { PagedPeople } from "./paged-people";
import { PageTable } from "./page-table";

/**
 * Who acknowledged and how, what escalates next and when, and who was paged: a summary that
 * expands to every page and attempt. Live through the incident's change stream.
 */
export function PagingPanel({ incidentId, initial }: { incidentId: string; initial: Rendered<IncidentPaging> }) {
  const paging = useLiveData({ queryKey: incidentKeys.paging(incidentId), url: `/api/incidents/${incidentId}/paging`, initial });
  return (
    <Panel title="Paging">
      <div className="grid gap-4" data-testid="paging-panel">
        <AcknowledgementLine acknowledgement={paging.acknowledgement} escalations={paging.escalations} />
        <EscalationList escalations={paging.escalations} />
        <PagedPeople pages={paging.pages} />
        {paging.pages.length === 0 ? (
          <PageTable pages={paging.pages} />
        ) : (
          <details className="group" data-testid="page-details">
            <summary className="cursor-pointer text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              Every page and attempt ({paging.pages.length})
            </summary>
            <div className="mt-3">
              <PageTable pages={paging.pages} />
            </div>
          </details>
        )}
      </div>
    </Panel>
  );
}
