import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { definedSteps } from "@/components/runbooks/defined-steps";
import { LaunchPanel } from "@/components/runbooks/launch-panel";
import { RunList } from "@/components/runbooks/run-list";
import { RunbookFacts } from "@/components/runbooks/runbook-facts";
import { StepSpec } from "@/components/runbooks/step-spec";
import { Markdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listSystems } from "@/lib/plan/queries";
import { listOpenIncidents } from "@/lib/runbooks/open-incidents";
import { getRunbook } from "@/lib/runbooks/queries";

export const metadata: Metadata = { title: "Runbook" };

export default async function RunbookPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const [user, runbook, systems, incidents] = await Promise.all([currentUser(), getRunbook(db, key), listSystems(), listOpenIncidents(db)]);
  if (!user) redirect("/signin");
  if (!runbook) notFound();
  const system = systems.find((candidate) => candidate.key === runbook.systemKey);
  return (
    <>
      <PageHeader title={runbook.title} description={`Runbook "${runbook.key}", from config/runbooks/${runbook.key}.yml.`} />
      <div className="-mt-4 mb-6 grid gap-2">
        <RunbookFacts runbook={runbook} systemName={system?.name ?? runbook.systemKey} />
        <Link className="text-sm underline" href="/runbooks">
          All runbooks
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="grid content-start gap-6">
          {runbook.description && (
            <Panel title="What it does">
              <div className="text-sm">
                <Markdown>{runbook.description}</Markdown>
              </div>
            </Panel>
          )}
          <Panel title="Steps">
            <p className="mb-3 text-sm text-slate-600">As configured: each {"{{parameter}}"} becomes one whole argument when it runs.</p>
            <ol className="grid gap-2" data-testid="runbook-steps">
              {definedSteps(runbook.definition).map((step, index) => (
                <StepSpec key={step.position} step={step} number={index + 1} />
              ))}
            </ol>
          </Panel>
        </div>
        <div className="grid content-start gap-6">
          <LaunchPanel runbook={runbook} role={user.role} incident={{ choices: incidents }} />
          <Panel title="Runs">
            <RunList runs={runbook.runs} show="incident" empty="Never run." />
          </Panel>
        </div>
      </div>
    </>
  );
}
