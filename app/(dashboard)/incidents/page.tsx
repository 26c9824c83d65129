import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { countOpenIncidents } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const open = await countOpenIncidents();
  return (
    <>
      <PageHeader title="Incidents" />
      {open === 0 ? (
        <EmptyState title="No incidents yet.">
          Declaring and running incidents in the browser is not part of this version of Firebreak yet.
        </EmptyState>
      ) : (
        <p>{open} open incidents.</p>
      )}
    </>
  );
}
