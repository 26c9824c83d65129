import { hasRole, type Role } from "@/lib/auth/roles";
import type { RunbookSummary, RunSummary } from "@/lib/runbooks/queries";
import { Panel } from "@/components/ui/panel";
import { RunbookChooser } from "./runbook-chooser";
import { RunList } from "./run-list";

interface RecoveryActionsProps {
  incidentId: string;
  open: boolean;
  runbooks: RunbookSummary[];
  runs: RunSummary[];
  role: Role;
}

/** The incident's runs, and a launcher for the runbooks this person may launch: the run is tied to the incident. */
export function RecoveryActions({ incidentId, open, runbooks, runs, role }: RecoveryActionsProps) {
  const launchable = runbooks.filter((runbook) => hasRole(role, "responder") && hasRole(role, runbook.role));
  return (
    <Panel title="Recovery actions">
      <div className="grid gap-4" data-testid="recovery-actions">
        <RunList runs={runs} show="runbook" empty="No runbook has been run for this incident." />
        {open && launchable.length > 0 && <RunbookChooser label="Run a runbook" runbooks={launchable} launchFor={{ fixed: incidentId }} />}
      </div>
    </Panel>
  );
}
