"use client";

import { useActionState } from "react";
import { acknowledgeByLinkAction } from "@/lib/paging/actions";
import { SubmitButton } from "@/components/ui/submit-button";

/** The one button of the acknowledge link; a plain form post, so it works before any script has loaded. */
export function AckLinkForm({ token, reference }: { token: string; reference: string }) {
  const [state, formAction] = useActionState(acknowledgeByLinkAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 p-4 text-lg font-medium text-emerald-900" data-testid="ack-link-done">
        {state.message}
      </p>
    );
  }
  return (
    <form action={formAction} className="grid gap-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Acknowledging…" className="w-full py-4 text-lg">
        Acknowledge {reference}
      </SubmitButton>
      <p aria-live="polite" className="min-h-5 text-sm text-red-700" data-testid="ack-link-error">
        {state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}
