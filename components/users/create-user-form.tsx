"use client";

import { useActionState } from "react";
import { createUserAction } from "@/lib/users/actions";
import { Field, fieldError } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleOptions } from "./role-options";

export function CreateUserForm() {
  const [state, formAction] = useActionState(createUserAction, null);
  const roleError = fieldError(state, "role");
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="create-user-form" noValidate>
      <Field label="Name" name="name" autoComplete="off" required state={state} />
      <Field label="Email" name="email" type="email" autoComplete="off" required state={state} />
      <div className="flex flex-col gap-1">
        <label htmlFor="new-user-role" className="text-sm font-medium text-slate-700">
          Role
        </label>
        <select id="new-user-role" name="role" defaultValue="viewer" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          <RoleOptions />
        </select>
        {roleError && <p className="text-sm text-red-700">{roleError}</p>}
      </div>
      <Field label="Initial password" name="password" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
      <FormStatus state={state} testId="create-user-status" />
    </form>
  );
}
