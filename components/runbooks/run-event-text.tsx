import Link from "next/link";
import { parameterText } from "./parameter-text";
import { statusLabel } from "./run-status-badge";

const text = (value: unknown) => (typeof value === "string" ? value : "");

export const isRunEvent = (kind: string) => kind.startsWith("runbook_");

/** A run's failure says why in the event's body; a success's body only repeats the description. */
export const runEventBodyAddsDetail = (data: Record<string, unknown>) => typeof data.status === "string" && data.status !== "succeeded";

/** What a runbook event on the incident timeline says, with a link to the run. */
export function RunEventText({ kind, data }: { kind: string; data: Record<string, unknown> }) {
  const run = (
    <Link href={`/runbooks/runs/${text(data.runId)}`} className="font-medium underline" data-testid="timeline-run-link">
      {text(data.title) || text(data.runbook)}
    </Link>
  );
  const status = statusLabel(text(data.status));
  switch (kind) {
    case "runbook_requested":
      return (
        <>
          requested {run}
          {data.parameters && typeof data.parameters === "object" && Object.keys(data.parameters).length > 0 && (
            <> with <code className="rounded bg-slate-100 px-1 text-xs">{parameterText(data.parameters as Record<string, unknown>)}</code></>
          )}
          {data.destructive === true && " · destructive: waits for a second commander's approval"}
        </>
      );
    case "runbook_approved":
      return <>approved {run}</>;
    case "runbook_rejected":
      return <>rejected {run}</>;
    case "runbook_started":
      return <>started {run}</>;
    case "runbook_step": {
      const exit = typeof data.exitCode === "number" ? ` · exit ${data.exitCode}` : "";
      const duration = typeof data.durationMs === "number" ? ` · ${(data.durationMs / 1000).toFixed(1)} s` : "";
      return (
        <>
          ran “{text(data.step)}” of {run}: {status}
          {exit}
          {duration}
        </>
      );
    }
    case "runbook_finished":
      return (
        <>
          finished {run}: {status}
        </>
      );
    default:
      return <>{kind}</>;
  }
}
