"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { declareIncidentAction } from "@/lib/command/actions";
import { incidentKeys } from "@/lib/live/query-keys";
import { formatDuration } from "@/lib/config/duration";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass, Field, FieldErrorText, FieldFrame } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { DESCRIPTION_MAX_LENGTH, IMPACT_MAX_LENGTH, TITLE_MAX_LENGTH } from "@/lib/incidents/schemas";

interface DeclareFormProps {
  severities: { id: string; key: string; description: string; responseTimeSeconds: number; notification: string }[];
  systems: { id: string; name: string; ownerTeam: string | null }[];
  commanders: { id: string; name: string }[];
  currentUserId: string;
}

export function DeclareForm({ severities, systems, commanders, currentUserId }: DeclareFormProps) {
  const router = useRouter();
  const [severityId, setSeverityId] = useState("");
  const chosen = severities.find((severity) => severity.id === severityId);
  return (
    <ActionForm
      action={declareIncidentAction}
      submitLabel="Declare incident"
      pendingLabel="Declaring…"
      testId="declare-form"
      invalidates={incidentKeys.all}
      onSuccess={(incident) => router.push(`/incidents/${incident.id}`)}
    >
      {(state) => (
        <>
          <Field label="Title" name="title" required state={state} maxLength={TITLE_MAX_LENGTH} />
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-700">Severity</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {severities.map((severity) => (
                <label key={severity.id} className="flex cursor-pointer gap-2 rounded-md border border-slate-200 p-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50">
                  <input type="radio" name="severityId" value={severity.id} onChange={() => setSeverityId(severity.id)} />
                  <span>
                    <span className="font-semibold uppercase">{severity.key}</span> · acknowledge within {formatDuration(severity.responseTimeSeconds)}
                    <span className="block text-slate-600">{severity.description}</span>
                  </span>
                </label>
              ))}
            </div>
            {chosen && (
              <p className="text-sm text-slate-700" data-testid="severity-summary">
                Notifies: {chosen.notification}. Must be acknowledged within {formatDuration(chosen.responseTimeSeconds)}.
              </p>
            )}
            <FieldErrorText state={state} name="severityId" />
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-700">Affected systems</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {systems.map((system) => (
                <label key={system.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="systemIds" value={system.id} />
                  {system.name}
                  {system.ownerTeam && <span className="text-xs text-slate-500">({system.ownerTeam})</span>}
                </label>
              ))}
            </div>
            <FieldErrorText state={state} name="systemIds" />
          </fieldset>
          <TextArea label="Impact" name="impact" required state={state} hint="Who or what is affected, and how badly." maxLength={IMPACT_MAX_LENGTH} />
          <TextArea label="Description" name="description" state={state} rows={4} hint="Markdown is supported." maxLength={DESCRIPTION_MAX_LENGTH} />
          <FieldFrame id="commanderId" name="commanderId" label="Incident commander" state={state}>
            {(control) => (
              <select name="commanderId" defaultValue={currentUserId} className={controlClass} {...control}>
                {commanders.map((commander) => (
                  <option key={commander.id} value={commander.id}>
                    {commander.name}
                    {commander.id === currentUserId ? " (you)" : ""}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
        </>
      )}
    </ActionForm>
  );
}

