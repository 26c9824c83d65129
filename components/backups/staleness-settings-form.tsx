"use client";

import { updateStalenessSettingsAction } from "@/lib/backups/actions";
import { settingsKeys } from "@/lib/live/query-keys";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass, FieldFrame } from "@/components/ui/field";
import { SeverityOptions } from "@/components/plan/severity-options";

interface StalenessSettingsFormProps {
  severityKey: string;
  severities: { key: string; description: string }[];
}

export function StalenessSettingsForm({ severityKey, severities }: StalenessSettingsFormProps) {
  return (
    <ActionForm action={updateStalenessSettingsAction} submitLabel="Save severity" pendingLabel="Saving…" testId="staleness-settings-form" invalidates={settingsKeys.all}>
      {(state) => {
        // The form is reset after a save: keyed on the saved value, the select then shows it.
        const saved = state?.ok ? state.data : severityKey;
        return (
          <FieldFrame id="staleness-severity" name="severityKey" label="Severity of a stale-backup incident" state={state}>
            {(control) => (
              <select key={saved} name="severityKey" defaultValue={saved} className={`${controlClass} max-w-md`} {...control}>
                <SeverityOptions severities={severities} />
              </select>
            )}
          </FieldFrame>
        );
      }}
    </ActionForm>
  );
}
