import { removeTeamMemberAction, setTeamLeadAction } from "@/lib/people/actions";
import type { TeamDetail } from "@/lib/people/queries";
import { ActionForm } from "@/components/ui/action-form";
import { AddMemberForm, type Candidate } from "./add-member-form";
import { isShown } from "@/lib/people/visibility";
import { Channels } from "./channels";
import { settingsKeys } from "@/lib/live/query-keys";

/** The team's lead and members with how each is reached; admins change the roster here. */
export function TeamRoster({ team, editable, candidates }: { team: TeamDetail; editable: boolean; candidates: Candidate[] }) {
  return (
    <div className="grid gap-4">
      {team.members.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody is on this team yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="roster">
          {team.members.map(({ role, contact }) => {
            const hidden = { teamId: team.id, contactId: contact.id };
            return (
              <li key={contact.id} className="flex flex-col gap-2 py-3 text-sm sm:flex-row sm:items-start sm:justify-between" data-testid={`member-${contact.email}`}>
                <div>
                  <p className="flex flex-wrap items-baseline gap-2">
                    <span className="font-medium">{contact.name}</span>
                    {role === "lead" && <span className="rounded bg-brand-100 px-1.5 py-0.5 text-xs font-semibold text-brand-700" data-testid="lead-badge">Lead</span>}
                    <Channels contact={contact} />
                  </p>
                  <p className="text-slate-600 [overflow-wrap:anywhere]">
                    {isShown(contact.email) ? <a className="inline-block py-1 underline" href={`mailto:${contact.email}`}>{contact.email}</a> : contact.email}
                    {isShown(contact.phone) && (
                      <>
                        {" · "}
                        <a className="inline-block py-1 underline" href={`tel:${contact.phone}`}>{contact.phone}</a>
                      </>
                    )}
                  </p>
                </div>
                {editable && (
                  <div className="flex flex-wrap gap-2">
                    {role === "member" && (
                      <ActionForm invalidates={settingsKeys.all} action={setTeamLeadAction} submitLabel="Make lead" pendingLabel="Saving…" testId={`make-lead-${contact.email}`} hidden={hidden} tone="secondary" />
                    )}
                    <ActionForm invalidates={settingsKeys.all} action={removeTeamMemberAction} submitLabel="Remove" pendingLabel="Removing…" testId={`remove-member-${contact.email}`} hidden={hidden} tone="secondary" />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable && (
        candidates.length === 0 ? (
          <p className="text-sm text-slate-600">Everyone is on this team already: add a contact on the Teams &amp; contacts page first.</p>
        ) : (
          <AddMemberForm teamId={team.id} candidates={candidates} />
        )
      )}
    </div>
  );
}
