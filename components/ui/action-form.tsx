"use client";

import type { QueryKey } from "@tanstack/react-query";
import { startTransition, useActionState, useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { useAfterWrite } from "@/components/live/live-data";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { useOnline } from "./use-online";

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
  /**
   * Offline, "queue" keeps the submission and sends it when the connection returns (a note, an
   * update, an acknowledgement: what a responder types on a train); "wait" disables the button and
   * says why.
   */
  offline?: "queue" | "wait";
  /** "large": a full-width button at least 48 px tall on a phone, for the one action a page is for. */
  size?: "normal" | "large";
}

/** What a submission that never reached Firebreak says; the form keeps what was typed. */
const unreachable = (online: boolean): ActionResult<never> => ({
  ok: false,
  error: online
    ? "Not sent: Firebreak could not be reached. What you typed is kept; send it again."
    : "Not sent: you are offline. What you typed is kept; send it again once you are back online.",
});

const QUEUED_MESSAGE = "You are offline: this will be sent when the connection returns.";

/**
 * A form bound to a server action. Submitted from onSubmit rather than `action`, so a refused
 * form keeps what was typed; emptied only once the change is saved. A submission the network
 * dropped is answered in the form, never by replacing the page.
 */
export function ActionForm<T>({ action, submitLabel, pendingLabel, testId, invalidates, onSuccess, className = "", children, hidden, tone = "primary", offline = "wait", size = "normal" }: ActionFormProps<T>) {
  const send = useCallback(
    async (previous: ActionResult<T> | null, input: FormData): Promise<ActionResult<T>> => {
      try {
        return await action(previous, input);
      } catch {
        // The action's own failures come back as results; a throw is the request itself failing.
        return unreachable(navigator.onLine);
      }
    },
    [action],
  );
  const [state, run, pending] = useActionState(send, null);
  const online = useOnline();
  const [queued, setQueued] = useState<FormData | null>(null);
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

  useEffect(() => {
    if (!queued) return;
    const sendQueued = () => {
      setQueued(null);
      startTransition(() => run(queued));
    };
    window.addEventListener("online", sendQueued);
    return () => window.removeEventListener("online", sendQueued);
  }, [queued, run]);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (!navigator.onLine) {
      if (offline === "queue") setQueued(data);
      return;
    }
    startTransition(() => run(data));
  };
  const waiting = !online && offline === "wait";
  const reasonId = `${testId}-offline`;

  return (
    <form ref={form} onSubmit={submit} className={`flex flex-col gap-3 ${className}`} data-testid={testId} noValidate>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state)}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton
          pendingLabel={pendingLabel}
          pending={pending}
          disabled={waiting}
          describedBy={waiting ? reasonId : undefined}
          className={`${tone === "secondary" ? "!bg-slate-700 !text-slate-50 hover:!bg-slate-800" : ""} ${size === "large" ? "min-h-12 w-full text-base sm:w-auto sm:min-w-48" : ""}`}
        >
          {!online && offline === "queue" ? `${submitLabel} when online` : submitLabel}
        </SubmitButton>
        {waiting ? (
          <p id={reasonId} className="text-sm text-amber-800" data-testid={`${testId}-offline`}>
            You are offline: this needs a connection.
          </p>
        ) : queued ? (
          <p aria-live="polite" className="text-sm text-amber-800" data-testid={`${testId}-status`}>
            {QUEUED_MESSAGE}
          </p>
        ) : (
          <FormStatus state={state} testId={`${testId}-status`} />
        )}
      </div>
    </form>
  );
}
