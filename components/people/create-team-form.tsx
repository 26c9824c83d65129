"use client";

import { createTeamAction } from "@/lib/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { settingsKeys } from "@/lib/live/query-keys";

export function CreateTeamForm() {
  return (
    <ActionForm invalidates={settingsKeys.all} action={createTeamAction} submitLabel="Add team" pendingLabel="Adding…" testId="create-team-form">
      {(state) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="new-team-key" label="Key" name="key" autoComplete="off" placeholder="e.g. database" state={state} />
          <Field id="new-team-name" label="Name" name="name" autoComplete="off" placeholder="e.g. Database" state={state} />
        </div>
      )}
    </ActionForm>
  );
}
