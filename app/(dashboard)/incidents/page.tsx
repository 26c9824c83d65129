import type { Metadata } from "next";
import Link from "next/link";
import { IncidentFiltersForm } from "@/components/incidents/incident-filters";
import { IncidentList } from "@/components/incidents/incident-list";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { parseListPageFilters } from "@/lib/incidents/filters";
import { listIncidents } from "@/lib/incidents/queries";
import { readStartedAt } from "@/lib/live/rendered";
import { listSeverityLevels, listSystems, listTeams } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = parseListPageFilters(await searchParams);
  const at = readStartedAt();
  const [user, page, severities, systems, teams] = await Promise.all([currentUser(), listIncidents(db, filters), listSeverityLevels(), listSystems(), listTeams()]);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <PageHeader title="Incidents" />
        {hasRole(user?.role, "commander") && (
          <Link href="/incidents/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            Declare incident
          </Link>
        )}
      </div>
      <IncidentFiltersForm
        filters={filters}
        severities={severities.map((level) => ({ key: level.key, name: level.key }))}
        systems={systems.map((system) => ({ key: system.key, name: system.name }))}
        teams={teams.map((team) => ({ key: team.key, name: team.name }))}
      />
      <IncidentList filters={filters} initial={{ data: page, at }} />
    </>
  );
}
