"use client";

import { startTransition, useActionState } from "react";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState(changeOwnPasswordAction, null);
  // Submitted from onSubmit so a refused form keeps what was typed.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form onSubmit={submit} className="flex max-w-md flex-col gap-3" data-testid="change-password-form" noValidate>
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required state={state} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pendingLabel="Changing…" pending={pending}>
        Change password
      </SubmitButton>
      <FormStatus state={state} testId="change-password-status" />
    </form>
  );
}
