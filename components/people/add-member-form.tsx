"use client";

import { addTeamMemberAction } from "@/lib/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass, FieldFrame } from "@/components/ui/field";
import { settingsKeys } from "@/lib/live/query-keys";

export interface Candidate {
  id: string;
  name: string;
  email: string;
}

/** Puts a contact who is not on the team yet on it. */
export function AddMemberForm({ teamId, candidates }: { teamId: string; candidates: Candidate[] }) {
  return (
    <ActionForm invalidates={settingsKeys.all} action={addTeamMemberAction} submitLabel="Add to team" pendingLabel="Adding…" testId="add-member-form" hidden={{ teamId }}>
      {(state) => (
        <FieldFrame id="add-member-contact" name="contactId" label="Person" state={state}>
          {(control) => (
            <select name="contactId" className={controlClass} defaultValue="" {...control}>
              <option value="" disabled>
                Choose someone
              </option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({candidate.email})
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      )}
    </ActionForm>
  );
}
