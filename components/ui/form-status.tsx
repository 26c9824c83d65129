import type { ActionResult } from "@/lib/actions/define-action";

/** The one line that says how a form's last submission went; read out by screen readers. */
export function FormStatus({ state, testId = "form-status" }: { state: ActionResult<unknown> | null; testId?: string }) {
  const text = !state ? "" : state.ok ? (state.message ?? "") : state.error;
  return (
    <p
      aria-live="polite"
      data-testid={testId}
      className={`min-h-5 text-sm ${state && !state.ok ? "text-red-700" : "text-emerald-700"}`}
    >
      {text}
    </p>
  );
}
