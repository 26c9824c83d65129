import { formatDuration } from "@/lib/config/duration";
import type { RunPreview } from "@/lib/runbooks/preview";
import { parameterText } from "./parameter-text";
import { StepSpec } from "./step-spec";

/** The confirmation: every step exactly as it will run with these parameters. */
export function RunPreviewView({ preview }: { preview: RunPreview }) {
  return (
    <section className="grid gap-3 rounded-md border border-brand-600/30 bg-brand-50/40 p-3" aria-label="What will run" data-testid="run-preview">
      <h3 className="text-sm font-semibold">
        {preview.title}: {preview.steps.length} step{preview.steps.length === 1 ? "" : "s"}, in order, stopped after {formatDuration(preview.timeoutSeconds)} in all
      </h3>
      {Object.keys(preview.parameters).length > 0 && (
        <p className="text-sm">
          With <code className="break-all rounded bg-white px-1 font-mono text-xs" data-testid="preview-parameters">{parameterText(preview.parameters)}</code>
        </p>
      )}
      {preview.destructive && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-800" data-testid="destructive-warning">
          Destructive: this changes data and cannot be undone by Firebreak. It needs a second commander&apos;s approval: another commander or admin,
          not you, approves exactly these steps and parameters before anything runs.
        </p>
      )}
      <ol className="grid gap-2">
        {preview.steps.map((step, index) => (
          <StepSpec key={step.position} step={step} number={index + 1} />
        ))}
      </ol>
    </section>
  );
}
