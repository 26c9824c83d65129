import Link from "next/link";
import { SeverityLevels } from "@/components/plan/severity-levels";
import { TeamList } from "@/components/plan/team-list";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { countOpenIncidents, listSeverityLevels, listTeams } from "@/lib/plan/queries";

export default async function OverviewPage() {
  const [levels, teams, openIncidents] = await Promise.all([listSeverityLevels(), listTeams(), countOpenIncidents()]);
  return (
    <>
      <PageHeader title="Overview" description="Where things stand, and the plan you respond with." />
      <div className="grid gap-6">
        <Panel title="Open incidents">
          <p className="text-3xl font-semibold" data-testid="open-incidents">
            {openIncidents}
          </p>
          <p className="text-sm text-slate-600">
            {openIncidents === 0 ? "Nothing is open right now." : <Link className="underline" href="/incidents">See incidents</Link>}
          </p>
        </Panel>
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
