import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DrillRunHistory } from "@/components/drills/drill-run-history";
import { DrillScheduleTable } from "@/components/drills/drill-schedule-table";
import { RecordDrillForm } from "@/components/drills/record-drill-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { toUtcDateTimeLocal } from "@/lib/drills/datetime-local";
import { listDrillRuns, listDrillSchedules } from "@/lib/drills/queries";
import { getObjectives } from "@/lib/incidents/objectives";
import { listSystems } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Drills" };
// Read at request time: the build has no database to read.
export const dynamic = "force-dynamic";

export default async function DrillsPage() {
  const now = new Date();
  const [user, schedules, runs, objectives, systems] = await Promise.all([currentUser(), listDrillSchedules(db, now), listDrillRuns(db), getObjectives(db), listSystems()]);
  if (!user) redirect("/signin");
  return (
    <>
      <PageHeader title="Drills" description="The recovery testing schedule from config/recovery-tests.yml, and the drills performed." />
      {schedules.length === 0 ? (
        <EmptyState title="No drill schedule">Import config/recovery-tests.yml to see the schedule.</EmptyState>
      ) : (
        // minmax(0, …) columns: a wide table scrolls inside its panel instead of widening the page on a phone.
        <div className="grid grid-cols-1 gap-6">
          <Panel title="Schedule">
            <DrillScheduleTable schedules={schedules} />
          </Panel>
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <Panel title="Drill runs">
              <DrillRunHistory runs={runs} objectives={objectives} />
            </Panel>
            {hasRole(user.role, "responder") && (
              <Panel title="Record a drill run">
                <RecordDrillForm
                  schedules={schedules.map(({ id, key, systems }) => ({ id, key, systems }))}
                  systems={systems.map(({ key, name }) => ({ key, name }))}
                  defaultPerformedAt={toUtcDateTimeLocal(now)}
                  objectives={objectives}
                />
              </Panel>
            )}
          </div>
        </div>
      )}
    </>
  );
}
