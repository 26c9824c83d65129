"use client";

import { useRouter } from "next/navigation";
import { deleteTeamAction, renameTeamAction } from "@/lib/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { settingsKeys } from "@/lib/live/query-keys";

/** Renaming keeps the key (config and links use it); deleting goes back to the list of teams. */
export function TeamSettings({ team }: { team: { id: string; key: string; name: string } }) {
  const router = useRouter();
  const hidden = { teamId: team.id };
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <ActionForm invalidates={settingsKeys.all} action={renameTeamAction} submitLabel="Rename" pendingLabel="Renaming…" testId="rename-team-form" hidden={hidden}>
        {(state) => <Field key={team.name} id="team-name" label="Name" name="name" autoComplete="off" defaultValue={team.name} state={state} />}
      </ActionForm>
      <ActionForm invalidates={settingsKeys.all}
        action={deleteTeamAction}
        submitLabel={`Delete ${team.name}`}
        pendingLabel="Deleting…"
        testId="delete-team-form"
        hidden={hidden}
        tone="secondary"
        onSuccess={() => router.push("/teams")}
      >
        {() => <p className="text-sm text-slate-600">Removes the team, its roster and its escalation policy. A team that owns systems cannot be deleted.</p>}
      </ActionForm>
    </div>
  );
}
