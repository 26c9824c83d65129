"use client";

import type { QueryKey } from "@tanstack/react-query";
import { startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { useAfterWrite } from "@/components/live/live-data";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

type Action<T> = (previous: ActionResult<T> | null, input: FormData) => Promise<ActionResult<T>>;

interface ActionFormProps<T> {
  action: Action<T>;
  submitLabel: string;
  pendingLabel: string;
  testId: string;
  /** Queries this change makes stale: fetched again once, when the live stream reports the change (or without it, if it does not). */
  invalidates?: QueryKey;
  onSuccess?: (data: T) => void;
  className?: string;
  children?: (state: ActionResult<T> | null) => React.ReactNode;
  hidden?: Record<string, string>;
  tone?: "primary" | "secondary";
}

/**
 * A form bound to a server action. Submitted from onSubmit rather than `action`, so a refused
 * form keeps what was typed; emptied only once the change is saved.
 */
export function ActionForm<T>({ action, submitLabel, pendingLabel, testId, invalidates, onSuccess, className = "", children, hidden, tone = "primary" }: ActionFormProps<T>) {
  const [state, run, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  const afterWrite = useAfterWrite();
  const handled = useRef<ActionResult<T> | null>(null);

  useEffect(() => {
    if (!state || state === handled.current || !state.ok) return;
    handled.current = state;
    form.current?.reset();
    if (invalidates) void afterWrite(invalidates);
    onSuccess?.(state.data);
  }, [state, invalidates, onSuccess, afterWrite]);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => run(data));
  };

  return (
    <form ref={form} onSubmit={submit} className={`flex flex-col gap-3 ${className}`} data-testid={testId} noValidate>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state)}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={pendingLabel} pending={pending} className={tone === "secondary" ? "!bg-slate-700 hover:!bg-slate-800" : ""}>
          {submitLabel}
        </SubmitButton>
        <FormStatus state={state} testId={`${testId}-status`} />
      </div>
    </form>
  );
}
