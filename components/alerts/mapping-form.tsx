"use client";

import { ActionForm } from "@/components/ui/action-form";
import { controlClass, Field, FieldErrorText, FieldFrame } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { updateAlertMappingAction } from "@/lib/alerts/actions";
import type { mappingToForm } from "@/lib/alerts/mapping-form";
import { settingsKeys } from "@/lib/live/query-keys";
import { SeverityOptions } from "@/components/plan/severity-options";

interface MappingFormProps {
  values: ReturnType<typeof mappingToForm>;
  severities: { key: string; description: string }[];
  systems: { key: string; name: string }[];
}

export function AlertMappingForm({ values, severities, systems }: MappingFormProps) {
  return (
    <ActionForm action={updateAlertMappingAction} submitLabel="Save mapping" pendingLabel="Saving…" testId="alert-mapping-form" invalidates={settingsKeys.all}>
      {(state) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Severity label" name="severityLabel" autoComplete="off" defaultValue={values.severityLabel} state={state} />
          <FieldFrame id="defaultSeverity" name="defaultSeverity" label="Default severity" hint="For a value the map does not list, or no such label." state={state}>
            {(control) => (
              <select name="defaultSeverity" defaultValue={values.defaultSeverity} className={controlClass} {...control}>
                <SeverityOptions severities={severities} />
              </select>
            )}
          </FieldFrame>
          <TextArea
            label="Severity map"
            name="severityMap"
            rows={6}
            hint={`One "label value = severity" per line; values compared without case. Severities: ${severities.map((severity) => severity.key).join(", ")}.`}
            defaultValue={values.severityMap}
            state={state}
          />
          <div className="grid content-start gap-4">
            <FieldFrame
              id="systemLabels"
              name="systemLabels"
              label="System labels"
              hint="Comma-separated; each value is matched against a system's key or name, without case."
              state={state}
            >
              {(control) => <input name="systemLabels" autoComplete="off" defaultValue={values.systemLabels} className={controlClass} {...control} />}
            </FieldFrame>
            <FieldFrame id="defaultSystem" name="defaultSystem" label="Default system" hint="When no system label names a system in the catalogue." state={state}>
              {(control) => (
                <select name="defaultSystem" defaultValue={values.defaultSystem} className={controlClass} {...control}>
                  <option value="">No system</option>
                  {systems.map((system) => (
                    <option key={system.key} value={system.key}>
                      {system.name} ({system.key})
                    </option>
                  ))}
                </select>
              )}
            </FieldFrame>
          </div>
          <div className="sm:col-span-2">
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="resolveIncidents" defaultChecked={values.resolveIncidents} className="mt-0.5" />
              <span>
                Resolve the incident when its alert resolves{" "}
                <span className="text-slate-600">(otherwise the resolution is only noted on the timeline and a commander resolves)</span>
              </span>
            </label>
            <FieldErrorText state={state} name="resolveIncidents" />
          </div>
        </div>
      )}
    </ActionForm>
  );
}
