import { hasRole, type Role } from "@/lib/auth/roles";
import type { RunbookSummary } from "@/lib/runbooks/queries";
import { Panel } from "@/components/ui/panel";
import { RunLauncher, type RunLauncherProps } from "./run-launcher";

/** The launch form for whoever may launch this runbook; a responder below its role is told why not (the server refuses anyway). */
export function LaunchPanel({ runbook, role, incident }: { runbook: RunbookSummary; role: Role; incident: RunLauncherProps["incident"] }) {
  if (!hasRole(role, "responder")) return null;
  return (
    <Panel title="Launch">
      {hasRole(role, runbook.role) ? (
        <RunLauncher runbook={runbook} incident={incident} />
      ) : (
        <p className="text-sm text-slate-600" data-testid="launch-refused">
          Only a {runbook.role} or above may launch {runbook.title}; you are a {role}.
        </p>
      )}
    </Panel>
  );
}
