import Link from "next/link";
import { OverviewFigures } from "@/components/overview/overview-figures";
import { SeverityLevels } from "@/components/plan/severity-levels";
import { TeamList } from "@/components/plan/team-list";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { listOverdueDrills } from "@/lib/drills/queries";
import { getOverviewMetrics } from "@/lib/incidents/metrics";
import { listSeverityLevels, listTeams } from "@/lib/plan/queries";

export default async function OverviewPage() {
  const now = new Date();
  const [levels, teams, metrics, overdueDrills] = await Promise.all([listSeverityLevels(), listTeams(), getOverviewMetrics(db, now), listOverdueDrills(db, now)]);
  return (
    <>
      <PageHeader title="Overview" description="Where things stand, and the plan you respond with." />
      <div className="grid gap-6">
        <OverviewFigures metrics={metrics} overdueDrills={overdueDrills} />
        <Panel title="Severity levels">
          <SeverityLevels levels={levels} />
        </Panel>
        <Panel title="Response teams" actions={<Link className="text-sm underline" href="/teams">Teams & contacts</Link>}>
          <TeamList teams={teams} />
        </Panel>
      </div>
    </>
  );
}
