import Link from "next/link";
import { OverviewFigures } from "@/components/overview/overview-figures";
import { SeverityLevels } from "@/components/plan/severity-levels";
import { TeamList } from "@/components/plan/team-list";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { db } from "@/lib/db/client";
import { getOverviewMetrics } from "@/lib/incidents/metrics";
import { listSeverityLevels, listTeams } from "@/lib/plan/queries";

export default async function OverviewPage() {
  const [levels, teams, metrics] = await Promise.all([listSeverityLevels(), listTeams(), getOverviewMetrics(db, new Date())]);
  return (
    <>
      <PageHeader title="Overview" description="Where things stand, and the plan you respond with." />
      <div className="grid gap-6">
        <OverviewFigures metrics={metrics} />
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
