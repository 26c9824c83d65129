"use client";

import { saveSeverityAudienceAction } from "@/lib/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { FieldErrorText } from "@/components/ui/field";
import { settingsKeys } from "@/lib/live/query-keys";

interface Choice {
  id: string;
  label: string;
}

interface AudienceFormProps {
  severity: { id: string; key: string };
  chosen: { teamIds: string[]; contactIds: string[] };
  teams: Choice[];
  contacts: Choice[];
}

function Choices({ legend, name, choices, chosen }: { legend: string; name: string; choices: Choice[]; chosen: string[] }) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid max-h-56 gap-1 overflow-y-auto text-sm sm:grid-cols-2">
        {choices.map((choice) => (
          <label key={choice.id} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={choice.id} defaultChecked={chosen.includes(choice.id)} /> {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Chooses the teams and contacts a severity pages; saving replaces the whole set. */
export function AudienceForm({ severity, chosen, teams, contacts }: AudienceFormProps) {
  return (
    <ActionForm invalidates={settingsKeys.all} action={saveSeverityAudienceAction} submitLabel={`Save ${severity.key} audience`} pendingLabel="Saving…" testId={`audience-form-${severity.key}`} hidden={{ severityId: severity.id }}>
      {(state) => (
        // Keyed on the saved audience, so the boxes show it once the page is refreshed.
        <div key={JSON.stringify(chosen)} className="grid gap-3">
          <Choices legend="Teams" name="teamIds" choices={teams} chosen={chosen.teamIds} />
          <FieldErrorText state={state} name="teamIds" />
          <Choices legend="Contacts" name="contactIds" choices={contacts} chosen={chosen.contactIds} />
          <FieldErrorText state={state} name="contactIds" />
        </div>
      )}
    </ActionForm>
  );
}
