"use client";

import { hasRole, type Role } from "@/lib/auth/roles";
import { formatTimestamp } from "@/lib/format/time";
import { postmortemKeys } from "@/lib/live/query-keys";
import type { PostmortemDetail } from "@/lib/postmortems/document/queries";
import { publishPostmortemAction, reopenPostmortemAction, setApprovalAction, setReviewersAction, submitForReviewAction } from "@/lib/postmortems/review/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Panel } from "@/components/ui/panel";
import { Timestamp, useTimeZone } from "@/components/ui/timestamp";

export interface Person {
  id: string;
  name: string;
}

/** Reviewers, sign-offs and the draft → in review → published steps, each offered to who may take it. */
export function ReviewPanel({ postmortem, viewer, people }: { postmortem: PostmortemDetail; viewer: { id: string; role: Role }; people: Person[] }) {
  const zone = useTimeZone();
  const common = { hidden: { postmortemId: postmortem.id }, invalidates: postmortemKeys.all };
  const commander = hasRole(viewer.role, "commander");
  const isReviewer = postmortem.reviewers.some((reviewer) => reviewer.id === viewer.id);
  const approved = postmortem.reviewers.find((reviewer) => reviewer.id === viewer.id)?.approvedAt != null;
  const { status } = postmortem;
  return (
    <Panel title="Review">
      <div className="grid gap-4 text-sm">
        <ul className="grid gap-1" data-testid="reviewers">
          {postmortem.reviewers.length === 0 && <li className="text-slate-600">No reviewers named.</li>}
          {postmortem.reviewers.map((reviewer) => (
            <li key={reviewer.id}>
              {reviewer.name}{" "}
              <span className={reviewer.approvedAt ? "text-emerald-700" : "text-slate-500"}>
                {reviewer.approvedAt ? `· approved ${formatTimestamp(reviewer.approvedAt, zone)}` : status === "in_review" ? "· not yet approved" : ""}
              </span>
            </li>
          ))}
        </ul>
        {postmortem.publishedAt && (
          <p data-testid="published-line">
            Published <Timestamp iso={postmortem.publishedAt} />
            {postmortem.publishedBy ? ` by ${postmortem.publishedBy}` : ""}. It is read-only until reopened.
          </p>
        )}

        {commander && status !== "published" && (
          <ActionForm {...common} action={setReviewersAction} submitLabel="Save reviewers" pendingLabel="Saving…" testId="reviewers-form" tone="secondary">
            {(state) => (
              <fieldset className="grid gap-1">
                <legend className="mb-1 font-medium">Reviewers</legend>
                {people.map((person) => (
                  <label key={person.id} className="flex items-center gap-2">
                    <input type="checkbox" name="reviewerIds" value={person.id} defaultChecked={postmortem.reviewers.some((reviewer) => reviewer.id === person.id)} />
                    {person.name}
                  </label>
                ))}
                {state && !state.ok && state.fieldErrors?.reviewerIds && <p className="text-red-700">{state.fieldErrors.reviewerIds.join(" ")}</p>}
              </fieldset>
            )}
          </ActionForm>
        )}

        <div className="flex flex-wrap gap-3">
          {status === "draft" && hasRole(viewer.role, "responder") && (
            <ActionForm {...common} action={submitForReviewAction} submitLabel="Send for review" pendingLabel="Sending…" testId="submit-review-form" />
          )}
          {status === "in_review" && isReviewer && (
            <ActionForm
              {...common}
              hidden={{ postmortemId: postmortem.id, approved: approved ? "false" : "true" }}
              action={setApprovalAction}
              submitLabel={approved ? "Withdraw approval" : "Approve"}
              pendingLabel="Saving…"
              testId="approve-form"
              tone={approved ? "secondary" : "primary"}
            />
          )}
          {status === "in_review" && commander && (
            <ActionForm {...common} action={publishPostmortemAction} submitLabel="Publish" pendingLabel="Publishing…" testId="publish-form" />
          )}
          {status !== "draft" && commander && (
            <ActionForm
              {...common}
              action={reopenPostmortemAction}
              submitLabel={status === "published" ? "Reopen" : "Back to draft"}
              pendingLabel="Reopening…"
              testId="reopen-postmortem-form"
              tone="secondary"
            />
          )}
        </div>
      </div>
    </Panel>
  );
}
