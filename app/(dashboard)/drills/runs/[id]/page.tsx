import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { DrillRunDetails } from "@/components/drills/drill-run-details";
import { drillName } from "@/components/drills/drill-name";
import { DrillRunbookRuns } from "@/components/drills/drill-runbook-runs";
import { RunbookChooser } from "@/components/runbooks/runbook-chooser";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getDrillRun } from "@/lib/drills/queries";
import { getObjectives } from "@/lib/incidents/objectives";
import { listSystems } from "@/lib/plan/queries";
import { listRunbooks } from "@/lib/runbooks/queries";

export const metadata: Metadata = { title: "Drill run" };

export default async function DrillRunPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [user, run, objectives, systems, runbooks] = await Promise.all([currentUser(), getDrillRun(db, id.data), getObjectives(db), listSystems(), listRunbooks(db)]);
  if (!user) redirect("/signin");
  if (!run) notFound();
  const launchable = hasRole(user.role, "responder") ? runbooks.filter((runbook) => hasRole(user.role, runbook.role)) : [];
  return (
    <>
      <PageHeader title={`Drill: ${drillName(run.schedule.key)}`} description={`A ${run.schedule.frequency} drill from config/recovery-tests.yml, as it was performed.`} />
      <Link className="-mt-4 mb-6 block text-sm underline" href="/drills">
        All drills
      </Link>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <DrillRunDetails run={run} systemNames={new Map(systems.map((system) => [system.key, system.name]))} objectives={objectives} />
        <Panel title="Runbooks in drill mode">
          <div className="grid gap-4" data-testid="drill-runbooks">
            <p className="text-sm text-slate-600">Runs launched here belong to this drill: they are on no incident and are not counted as recoveries.</p>
            <DrillRunbookRuns runs={run.runs} />
            {launchable.length > 0 && <RunbookChooser label="Run a runbook in drill mode" runbooks={launchable} launchFor={{ drill: run.id }} />}
          </div>
        </Panel>
      </div>
    </>
  );
}
