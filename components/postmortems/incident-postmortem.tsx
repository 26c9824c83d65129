"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import { createPostmortemAction } from "@/lib/postmortems/document/actions";
import { postmortemStatusLabel, type PostmortemStatus } from "@/lib/postmortems/document/queries";
import { Panel } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";

/** Starts the post-mortem and goes to it. Not an ActionForm: the live incident swaps this button for a link before the answer arrives. */
function StartPostmortem({ incidentId }: { incidentId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const start = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await createPostmortemAction(null, { incidentId });
      if (result.ok) router.push(`/postmortems/${result.data.id}`);
      else setError(result.error);
    });
  };
  return (
    <form onSubmit={start} className="grid gap-3" data-testid="create-postmortem-form">
      <p className="text-sm text-slate-600">Starts from the plan&rsquo;s template, with the overview and timeline filled in from this incident.</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Starting…">
          Write the post-mortem
        </SubmitButton>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

/** On a resolved incident: its post-mortem, or the button that starts one from the template. */
export function IncidentPostmortem({ incident, role }: { incident: { id: string; postmortem: { id: string; status: string } | null }; role: Role }) {
  const { postmortem } = incident;
  return (
    <Panel title="Post-mortem">
      {postmortem ? (
        <p className="text-sm">
          <Link className="font-medium underline" href={`/postmortems/${postmortem.id}`} data-testid="postmortem-link">
            Open the post-mortem
          </Link>{" "}
          <span className="text-slate-600">· {postmortemStatusLabel[postmortem.status as PostmortemStatus] ?? postmortem.status}</span>
        </p>
      ) : hasRole(role, "responder") ? (
        <StartPostmortem incidentId={incident.id} />
      ) : (
        <p className="text-sm text-slate-600">No post-mortem has been started.</p>
      )}
    </Panel>
  );
}
