"use client";

import { useActionState } from "react";
import { disableUserAction, enableUserAction, resetUserPasswordAction } from "@/lib/users/actions";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Disable or enable a person, or give them a new password (shown once, here). */
export function UserAccessForm({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  const [accessState, accessAction] = useActionState(disabled ? enableUserAction : disableUserAction, null);
  const [resetState, resetAction] = useActionState(resetUserPasswordAction, null);
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end" data-testid={`access-form-${email}`}>
      <div className="flex flex-wrap items-center gap-2">
        <form action={accessAction}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton pendingLabel={disabled ? "Enabling…" : "Disabling…"} className="px-3 py-1.5">
            {disabled ? "Enable" : "Disable"}
            <span className="sr-only"> {email}</span>
          </SubmitButton>
        </form>
        <form action={resetAction}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton pendingLabel="Resetting…" className="px-3 py-1.5">
            Reset password<span className="sr-only"> of {email}</span>
          </SubmitButton>
        </form>
      </div>
      <FormStatus state={accessState} testId={`access-status-${email}`} />
      <FormStatus state={resetState} testId={`reset-status-${email}`} />
    </div>
  );
}
