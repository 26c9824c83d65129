"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { launchDrillRunbookAction } from "@/lib/drills/actions";
import type { ParameterSpec } from "@/lib/runbooks/definition";
import { previewRunAction, requestRunAction } from "@/lib/runbooks/actions";
import type { OpenIncident } from "@/lib/runbooks/open-incidents";
import type { RunPreview } from "@/lib/runbooks/preview";
import { controlClass, FieldFrame } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { ParameterField } from "./parameter-field";
import { RunPreviewView } from "./run-preview-view";

export interface LaunchableRunbook {
  key: string;
  destructive: boolean;
  parameters: ParameterSpec[];
}

export interface RunLauncherProps {
  runbook: LaunchableRunbook;
  /**
   * The incident the run is for, fixed (the incident page); or open incidents to choose from (the runbook page);
   * or, in drill mode, the drill run it is part of (no incident, not counted as a recovery).
   */
  incident: { fixed: string } | { choices: OpenIncident[] } | { drill: string };
}

interface LaunchState {
  /** What the server says would run with the fields as they are now; cleared by any edit. */
  preview: RunPreview | null;
  result: ActionResult<unknown> | null;
}
const editing: LaunchState = { preview: null, result: null };

/**
 * Parameters, then "Review": the server checks them and answers with exactly what would run; then
 * "Run it" (or "Request approval") sends the same fields again. Changing a field takes the review away.
 */
export function RunLauncher({ runbook, incident }: RunLauncherProps) {
  const router = useRouter();
  const [intent, setIntent] = useState<"review" | "run">("review");
  const [state, dispatch, pending] = useActionState(async (previous: LaunchState, input: FormData | null): Promise<LaunchState> => {
    if (!input) return editing;
    const run = input.get("intent") === "run";
    input.delete("intent");
    if (!run) {
      const result = await previewRunAction(null, input);
      return { preview: result.ok ? result.data : null, result: result.ok ? null : result };
    }
    const result = await ("drill" in incident ? launchDrillRunbookAction : requestRunAction)(null, input);
    if (result.ok) router.push(`/runbooks/runs/${result.data.id}`);
    return { preview: result.ok || !result.fieldErrors ? previous.preview : null, result };
  }, editing);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    setIntent(data.get("intent") === "run" ? "run" : "review");
    startTransition(() => dispatch(data));
  };
  const edited = () => {
    if (state.preview || state.result) startTransition(() => dispatch(null));
  };
  const idPrefix = `launch-${runbook.key}`;

  return (
    <form onSubmit={submit} onChange={edited} className="grid gap-4" data-testid="run-launcher" noValidate>
      <input type="hidden" name="runbookKey" value={runbook.key} />
      {"drill" in incident ? (
        <>
          <input type="hidden" name="drillRunId" value={incident.drill} />
          <p className="rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900" data-testid="drill-mode">
            <span className="mr-2 rounded bg-violet-600 px-1.5 py-0.5 text-xs font-semibold uppercase text-slate-50">Drill</span>
            Runs as part of this drill: on no incident, and not counted as a recovery.
          </p>
        </>
      ) : "fixed" in incident ? (
        <input type="hidden" name="incidentId" value={incident.fixed} />
      ) : (
        <FieldFrame id={`${idPrefix}-incident`} name="incidentId" label="For incident" hint="Links the run to the incident's timeline." state={state.result}>
          {(control) => (
            <select name="incidentId" defaultValue="" className={controlClass} {...control}>
              <option value="">Not linked to an incident</option>
              {incident.choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.reference} {choice.title}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      )}
      {runbook.parameters.map((spec) => (
        <ParameterField key={spec.name} spec={spec} state={state.result} idPrefix={idPrefix} />
      ))}
      {runbook.parameters.length === 0 && <p className="text-sm text-slate-600">This runbook takes no parameters.</p>}
      {/* First in the form, so Enter in a field reviews and never runs. */}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel={intent === "review" ? "Checking…" : "Review"} className={state.preview ? "!bg-slate-700 hover:!bg-slate-800" : ""}>
          Review
        </SubmitButton>
      </div>
      {state.preview && (
        <div className="grid gap-3">
          <RunPreviewView preview={state.preview} />
          <div className="flex flex-wrap items-center gap-3">
            {/* Named, so the submission says it is the confirmation rather than a review. */}
            <button
              type="submit"
              name="intent"
              value="run"
              disabled={pending}
              className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-slate-50 shadow-sm hover:bg-brand-800 disabled:opacity-60"
            >
              {pending && intent === "run" ? "Sending…" : state.preview.destructive ? "Request approval" : "Run it"}
            </button>
          </div>
        </div>
      )}
      <FormStatus state={state.result} testId="run-launcher-status" />
    </form>
  );
}
