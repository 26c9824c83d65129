"use client";

import { useQuery } from "@tanstack/react-query";
import { incidentKeys } from "@/lib/incidents/query-keys";
import type { IncidentPaging } from "@/lib/paging/queries";
import { fetchJson } from "@/components/incidents/fetch-json";
import { Panel } from "@/components/ui/panel";
import { AcknowledgementLine } from "./acknowledgement-line";
import { EscalationList } from "./escalation-list";
import { PageTable } from "./page-table";

/** Who was paged for the incident, how each page fared, and who acknowledged it; live through the incident's change stream. */
export function PagingPanel({ incidentId, initial }: { incidentId: string; initial: IncidentPaging }) {
  const { data: paging } = useQuery({
    queryKey: incidentKeys.paging(incidentId),
    queryFn: () => fetchJson<IncidentPaging>(`/api/incidents/${incidentId}/paging`),
    initialData: initial,
    // The server read `initial` before this page was live: changes in between arrive with this fetch.
    refetchOnMount: "always",
  });
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
