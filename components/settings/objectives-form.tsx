"use client";

import { updateObjectivesAction } from "@/lib/settings/actions";
import type { Objectives } from "@/lib/incidents/rules";
import { settingsKeys } from "@/lib/live/query-keys";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";

export function ObjectivesForm({ objectives }: { objectives: Objectives }) {
  return (
    <ActionForm action={updateObjectivesAction} submitLabel="Save objectives" pendingLabel="Saving…" testId="objectives-form" invalidates={settingsKeys.all}>
      {(state) => (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="RTO (minutes)" name="rtoMinutes" type="number" min={1} defaultValue={objectives.rtoSeconds / 60} state={state} />
          <Field label="RPO (minutes)" name="rpoMinutes" type="number" min={1} defaultValue={objectives.rpoSeconds / 60} state={state} />
          <Field label="MTD (minutes)" name="mtdMinutes" type="number" min={1} defaultValue={objectives.mtdSeconds / 60} state={state} />
        </div>
      )}
    </ActionForm>
  );
}
