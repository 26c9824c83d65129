"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { revokeTokenAction } from "@/lib/tokens/actions";

const buttonClass = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50";

/** Revokes after a second click: whatever uses the token is refused from then on. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, revoke] = useActionState(revokeTokenAction, null);
  if (!confirming) {
    return (
      <button type="button" className={buttonClass} onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  }
  // Once revoked, the refreshed list shows the row as revoked in place of this form.
  return (
    <form action={revoke} className="grid gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm" aria-label={`Revoke ${name}`}>
      <input type="hidden" name="id" value={id} />
      <span>Revoke {name}? Anything using it is refused from now on.</span>
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton pendingLabel="Revoking…" className="px-2.5 py-1 text-xs">
          Yes, revoke
        </SubmitButton>
        <button type="button" className={buttonClass} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      <FormStatus state={state} testId="token-revoke-status" />
    </form>
  );
}
