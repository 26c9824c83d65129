"use client";

import Link from "next/link";
import { useState } from "react";
import type { RunbookSummary } from "@/lib/runbooks/queries";
import { controlClass } from "@/components/ui/field";
import { RunLauncher, type RunLauncherProps } from "./run-launcher";

interface RunbookChooserProps {
  label: string;
  /** Runbooks this person may launch. */
  runbooks: RunbookSummary[];
  launchFor: RunLauncherProps["incident"];
}

/** Choose a runbook, then launch it for the incident or drill at hand. */
export function RunbookChooser({ label, runbooks, launchFor }: RunbookChooserProps) {
  const [chosenKey, setChosenKey] = useState("");
  const chosen = runbooks.find((runbook) => runbook.key === chosenKey);
  return (
    <div className="grid gap-3 border-t border-slate-100 pt-3">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {label}
        <select value={chosenKey} onChange={(event) => setChosenKey(event.target.value)} className={controlClass} data-testid="runbook-choice">
          <option value="">Choose a runbook…</option>
          {runbooks.map((runbook) => (
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
          <RunLauncher key={chosen.key} runbook={chosen} incident={launchFor} />
        </>
      )}
    </div>
  );
}
