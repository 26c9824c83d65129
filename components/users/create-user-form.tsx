"use client";

import { startTransition, useActionState, useState } from "react";
import { createUserAction } from "@/lib/users/actions";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions/define-action";
import { RoleOptions } from "./role-options";

export function CreateUserForm() {
  const [state, formAction, pending] = useActionState(createUserAction, null);
  // Submitted from onSubmit rather than `action`, so a refused form is not reset to empty.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid="create-user-form" noValidate>
      {/* A new set of empty fields after each user created; a refused one keeps what was typed. */}
      <NewUserFields key={state?.ok ? state.data.id : "draft"} state={state} />
      <SubmitButton pendingLabel="Creating…" pending={pending}>Create user</SubmitButton>
      <FormStatus state={state} testId="create-user-status" />
    </form>
  );
}

function NewUserFields({ state }: { state: ActionResult<unknown> | null }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("viewer");
  return (
    <>
      <Field label="Name" name="name" autoComplete="off" required state={state} value={name} onChange={(e) => setName(e.target.value)} />
      <Field label="Email" name="email" type="email" autoComplete="off" required state={state} value={email} onChange={(e) => setEmail(e.target.value)} />
      <FieldFrame id="new-user-role" name="role" label="Role" state={state}>
        {(control) => (
          <select name="role" value={role} onChange={(event) => setRole(event.target.value)} className={controlClass} {...control}>
            <RoleOptions />
          </select>
        )}
      </FieldFrame>
      <Field label="Initial password" name="password" type="password" autoComplete="new-password" required state={state} />
    </>
  );
}
