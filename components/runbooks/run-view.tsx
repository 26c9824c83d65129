"use client";

import Link from "next/link";
import { runKeys } from "@/lib/live/query-keys";
import type { Rendered } from "@/lib/live/rendered";
import type { RunDetail } from "@/lib/runbooks/queries";
import { useLiveData } from "@/components/live/use-live-data";
import { drillName } from "@/components/drills/drill-name";
import { Panel } from "@/components/ui/panel";
import { Timestamp } from "@/components/ui/timestamp";
import { RunControls, type RunViewer } from "./run-controls";
import { RunPreviewView } from "./run-preview-view";
import { RunStatusBadge } from "./run-status-badge";
import { RunStepCard } from "./run-step-card";

/** Who did what to the run, and when; only what happened. */
function runHistory(run: RunDetail): { label: string; who: string | null; at: string }[] {
  const entries = [
    { label: "Requested", who: run.requestedBy, at: run.requestedAt },
    { label: "Approved", who: run.approvedBy, at: run.approvedAt },
    { label: "Rejected", who: run.rejectedBy, at: run.rejectedAt },
    { label: "Started", who: null, at: run.startedAt },
    { label: "Cancel asked", who: run.cancelledBy, at: run.cancelRequestedAt },
    { label: "Finished", who: null, at: run.finishedAt },
  ];
  return entries.filter((entry): entry is { label: string; who: string | null; at: string } => entry.at !== null);
}

/** A run as it happens: status, approvals, each step and its output, live through the run's change stream. */
export function RunView({ initial, viewer }: { initial: Rendered<RunDetail>; viewer: RunViewer }) {
  const run = useLiveData({ queryKey: runKeys.detail(initial.data.id), url: `/api/runs/${initial.data.id}`, initial });
  const parameters = Object.entries(run.parameters);
  return (
    <div className="grid gap-6">
      <header>
        <div className="flex flex-wrap items-center gap-2">
          <RunStatusBadge status={run.status} testId="run-status" />
          {run.runbook.destructive && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">destructive</span>}
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{run.runbook.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <Link href={`/runbooks/${run.runbook.key}`} className="underline">
            {run.runbook.key}
          </Link>
          {run.incident ? (
            <>
              {" · for "}
              <Link href={`/incidents/${run.incident.id}`} className="underline" data-testid="run-incident">
                {run.incident.reference} {run.incident.title}
              </Link>
            </>
          ) : run.drill ? (
            <>
              {" · "}
              <Link href={`/drills/runs/${run.drill.id}`} className="underline" data-testid="run-drill-link">
                Drill: {drillName(run.drill.schedule)}
              </Link>
            </>
          ) : (
            " · not linked to an incident"
          )}
        </p>
        {run.error && (
          <p className="mt-2 text-sm font-medium text-red-700" data-testid="run-error">
            {run.error}
          </p>
        )}
      </header>

      {run.status === "awaiting_approval" && run.plan && (
        <Panel title="What approving runs">
          <RunPreviewView preview={run.plan} />
        </Panel>
      )}

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Panel title="Steps">
          <ol className="grid gap-3" data-testid="run-steps">
            {run.steps.map((step, index) => (
              <RunStepCard key={step.position} number={index + 1} step={step} output={run.output.filter((chunk) => chunk.position === step.position)} />
            ))}
          </ol>
        </Panel>
        <div className="grid content-start gap-6">
          <Panel title="Run">
            <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm" data-testid="run-history">
              {runHistory(run).map((entry) => (
                <div key={entry.label} className="contents">
                  <dt className="font-medium text-slate-700">{entry.label}</dt>
                  <dd>
                    <Timestamp iso={entry.at} />
                    {entry.who && ` by ${entry.who}`}
                  </dd>
                </div>
              ))}
            </dl>
            <h3 className="mt-4 text-sm font-semibold">Parameters</h3>
            {parameters.length === 0 ? (
              <p className="text-sm text-slate-600">None.</p>
            ) : (
              <dl className="mt-1 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm" data-testid="run-parameters">
                {parameters.map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt className="font-mono text-slate-700">{name}</dt>
                    <dd className="break-all font-mono">{String(value)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Panel>
          <RunControls run={run} viewer={viewer} />
        </div>
      </div>
    </div>
  );
}
