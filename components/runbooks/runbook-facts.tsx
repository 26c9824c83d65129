import { Fragment } from "react";
import type { RunbookSummary } from "@/lib/runbooks/queries";

/** Destructive or not, who may launch it, what it affects and what it needs on the worker. */
export function RunbookFacts({ runbook, systemName }: { runbook: Pick<RunbookSummary, "destructive" | "role" | "requires">; systemName: string | null }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-700" data-testid="runbook-facts">
      {runbook.destructive ? (
        <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-800" data-testid="destructive-badge">
          destructive · needs a second commander&apos;s approval
        </span>
      ) : (
        <span className="rounded bg-emerald-50 px-1.5 py-0.5 font-medium text-emerald-800">not destructive</span>
      )}
      <span className="rounded bg-slate-100 px-1.5 py-0.5" data-testid="runbook-role">
        {runbook.role} or above
      </span>
      {systemName && <span className="rounded bg-slate-100 px-1.5 py-0.5">{systemName}</span>}
      <span data-testid="runbook-requires">
        {runbook.requires.length === 0
          ? "needs no tools"
          : runbook.requires.map((tool, index) => (
              <Fragment key={tool}>
                {index === 0 ? "needs " : ", "}
                <code className="rounded bg-slate-100 px-1 font-mono">{tool}</code>
              </Fragment>
            ))}
      </span>
    </p>
  );
}
