"use client";

import Link from "next/link";
import { useState } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { RunbookSummary, RunSummary } from "@/lib/runbooks/queries";
import { controlClass } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { RunLauncher } from "./run-launcher";
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
  const [chosenKey, setChosenKey] = useState("");
  const chosen = launchable.find((runbook) => runbook.key === chosenKey);
  return (
    <Panel title="Recovery actions">
      <div className="grid gap-4" data-testid="recovery-actions">
        <RunList runs={runs} show="runbook" empty="No runbook has been run for this incident." />
        {open && launchable.length > 0 && (
          <div className="grid gap-3 border-t border-slate-100 pt-3">
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Run a runbook
              <select value={chosenKey} onChange={(event) => setChosenKey(event.target.value)} className={controlClass} data-testid="runbook-choice">
                <option value="">Choose a runbook…</option>
                {launchable.map((runbook) => (
                  <option key={runbook.key} value={runbook.key}>
                    {runbook.title}
                    {runbook.destructive ? " (destructive)" : ""}
                  </option>
                ))}
              </select>
            </label>
            {chosen && (
              <>
                <Link href={`/runbooks/${chosen.key}`} className="text-sm underline">
                  What {chosen.title} does, and its past runs
                </Link>
                <RunLauncher key={chosen.key} runbook={chosen} incident={{ fixed: incidentId }} />
              </>
            )}
          </div>
        )}
      </div>
    </Panel>
  );
}
