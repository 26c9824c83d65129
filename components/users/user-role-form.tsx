"use client";

import { useActionState } from "react";
import { changeUserRoleAction } from "@/lib/users/actions";
import type { Role } from "@/lib/auth/roles";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { RoleOptions } from "./role-options";

export function UserRoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [state, formAction] = useActionState(changeUserRoleAction, null);
  // React resets the form after the action; keyed on the saved role, the selector comes
  // back showing the role the user now has, whether the save worked or was refused.
  const saved = state?.ok ? state.data.role : role;
  const id = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-col items-start gap-1 sm:items-end" data-testid={`role-form-${email}`}>
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Role for {email}
        </label>
        <select
          id={id}
          name="role"
          key={saved}
          defaultValue={saved}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          <RoleOptions />
        </select>
        <SubmitButton pendingLabel="Saving…" className="px-3 py-1.5">
          Save role
        </SubmitButton>
      </div>
      <FormStatus state={state} testId={`role-status-${email}`} />
    </form>
  );
}
