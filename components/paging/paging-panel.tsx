"use client";

import { incidentKeys } from "@/lib/live/query-keys";
import type { Rendered } from "@/lib/live/rendered";
import type { IncidentPaging } from "@/lib/paging/queries";
import { useLiveData } from "@/components/live/use-live-data";
import { Panel } from "@/components/ui/panel";
import { AcknowledgementLine } from "./acknowledgement-line";
import { EscalationList } from "./escalation-list";
import { PageTable } from "./page-table";

/** Who was paged for the incident, how each page fared, and who acknowledged it; live through the incident's change stream. */
export function PagingPanel({ incidentId, initial }: { incidentId: string; initial: Rendered<IncidentPaging> }) {
  const paging = useLiveData({ queryKey: incidentKeys.paging(incidentId), url: `/api/incidents/${incidentId}/paging`, initial });
  return (
    <Panel title="Paging">
      <div className="grid gap-4" data-testid="paging-panel">
        <AcknowledgementLine acknowledgement={paging.acknowledgement} escalations={paging.escalations} />
        <EscalationList escalations={paging.escalations} />
        <PageTable pages={paging.pages} />
      </div>
    </Panel>
  );
}
