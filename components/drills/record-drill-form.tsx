"use client";

import { useState } from "react";
import { formatDuration } from "@/lib/config/duration";
import { recordDrillRunAction } from "@/lib/drills/actions";
import { DRILL_RESULTS, MAX_PARTICIPANTS } from "@/lib/drills/schemas";
import { defaultDrillSystems } from "@/lib/drills/systems";
import type { Objectives } from "@/lib/incidents/rules";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass, Field, FieldErrorText, FieldFrame } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { drillName } from "./drill-name";

interface RecordDrillFormProps {
  schedules: { id: string; key: string; systems: string[] }[];
  systems: { key: string; name: string }[];
  /** Now, to the minute in UTC, from the server: the same on both sides of hydration. */
  defaultPerformedAt: string;
  objectives: Objectives;
}

/** Records a drill that was performed; the systems start as the chosen schedule's. */
export function RecordDrillForm({ schedules, systems, defaultPerformedAt, objectives }: RecordDrillFormProps) {
  const firstId = schedules[0]?.id ?? "";
  const [scheduleId, setScheduleId] = useState(firstId);
  const schedule = schedules.find((candidate) => candidate.id === scheduleId);
  const checked = new Set(defaultDrillSystems(schedule?.systems ?? [], systems.map((system) => system.key)));
  return (
    <ActionForm
      action={recordDrillRunAction}
      submitLabel="Record drill run"
      pendingLabel="Recording…"
      testId="record-drill-form"
      onSuccess={() => setScheduleId(firstId)}
    >
      {(state) => (
        <>
          <FieldFrame id="drill-scheduleId" name="scheduleId" label="Drill" state={state}>
            {(control) => (
              <select name="scheduleId" value={scheduleId} onChange={(event) => setScheduleId(event.target.value)} className={controlClass} {...control}>
                {schedules.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {drillName(candidate.key)}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
          <Field id="drill-performedAt" label="Performed at (UTC)" name="performedAt" type="datetime-local" defaultValue={defaultPerformedAt} max={defaultPerformedAt} required state={state} />
          <TextArea
            id="drill-participants"
            label="Participants"
            name="participants"
            rows={2}
            required
            state={state}
            hint={`One name per line, or separated by commas (up to ${MAX_PARTICIPANTS}).`}
          />
          {/* Keyed by schedule, so choosing another drill starts from its systems. */}
          <fieldset key={scheduleId} className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-700">Systems</legend>
            {systems.length === 0 ? (
              <p className="text-sm text-slate-600">The catalogue has no systems yet.</p>
            ) : (
              <div className="grid gap-1 sm:grid-cols-2">
                {systems.map((system) => (
                  <label key={system.key} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="systems" value={system.key} defaultChecked={checked.has(system.key)} />
                    {system.name}
                  </label>
                ))}
              </div>
            )}
            <FieldErrorText state={state} name="systems" />
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              id="drill-recoveryTimeMinutes"
              label={`Recovery time, minutes (RTO ${formatDuration(objectives.rtoSeconds)})`}
              name="recoveryTimeMinutes"
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              state={state}
            />
            <Field
              id="drill-dataLossSeconds"
              label={`Data loss, seconds (RPO ${formatDuration(objectives.rpoSeconds)})`}
              name="dataLossSeconds"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              state={state}
            />
          </div>
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-700">Result</legend>
            <div className="flex flex-wrap gap-4">
              {DRILL_RESULTS.map((result) => (
                <label key={result} className="flex items-center gap-2 text-sm capitalize">
                  <input type="radio" name="result" value={result} />
                  {result}
                </label>
              ))}
            </div>
            <FieldErrorText state={state} name="result" />
          </fieldset>
          <TextArea id="drill-notes" label="Notes" name="notes" rows={4} state={state} hint="What was done, what broke, what to change. Markdown is supported." />
        </>
      )}
    </ActionForm>
  );
}
