import Link from "next/link";
import type { RunbookSummary } from "@/lib/runbooks/queries";
import { Markdown } from "@/components/ui/markdown";
import { Timestamp } from "@/components/ui/timestamp";
import { RunbookFacts } from "./runbook-facts";
import { RunStatusBadge } from "./run-status-badge";

/** Every configured runbook: what it is for, how risky, who may launch it, and how it last went. */
export function RunbookList({ runbooks, systemNames }: { runbooks: RunbookSummary[]; systemNames: Record<string, string> }) {
  return (
    <ul className="grid grid-cols-1 gap-4" data-testid="runbooks">
      {runbooks.map((runbook) => (
        <li key={runbook.key} data-testid="runbook" data-key={runbook.key} className="grid min-w-0 gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm [overflow-wrap:anywhere]">
          <h2 className="text-base font-semibold">
            <Link href={`/runbooks/${runbook.key}`} className="hover:underline">
              {runbook.title}
            </Link>
          </h2>
          <RunbookFacts runbook={runbook} systemName={runbook.systemKey ? (systemNames[runbook.systemKey] ?? runbook.systemKey) : null} />
          {runbook.description && (
            <div className="text-sm text-slate-800">
              <Markdown>{runbook.description}</Markdown>
            </div>
          )}
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="runbook-last-run">
            {runbook.lastRun ? (
              <>
                <Link href={`/runbooks/runs/${runbook.lastRun.id}`} className="underline">
                  Last run{runbook.lastRun.requestedAt && <> <Timestamp iso={runbook.lastRun.requestedAt} /></>}
                </Link>
                <RunStatusBadge status={runbook.lastRun.status} />
              </>
            ) : (
              "Never run."
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
