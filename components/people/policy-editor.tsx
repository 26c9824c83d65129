"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import type { EscalationPolicy, EscalationStep } from "@/lib/people/escalation-policy";
import { saveEscalationPolicyAction } from "@/lib/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass, Field, FieldErrorText, FieldFrame } from "@/components/ui/field";
import { settingsKeys } from "@/lib/live/query-keys";

export interface ContactChoice {
  id: string;
  label: string;
}

interface Draft {
  /** Stable across removals, so each step keeps its inputs. */
  id: number;
  afterMinutes: number;
  teamLead: boolean;
  teamMembers: boolean;
  contactIds: string[];
}

const draftOf = (step: EscalationStep, id: number): Draft => ({
  id,
  afterMinutes: step.afterMinutes,
  teamLead: step.targets.some((target) => target.type === "team_lead"),
  teamMembers: step.targets.some((target) => target.type === "team_members"),
  contactIds: step.targets.flatMap((target) => (target.type === "contact" ? [target.contactId] : [])),
});

/** Edits a team's escalation policy: steps with their delay and targets, and the repeat count. */
export function PolicyEditor({ teamId, policy, contacts }: { teamId: string; policy: EscalationPolicy; contacts: ContactChoice[] }) {
  return (
    <ActionForm invalidates={settingsKeys.all} action={saveEscalationPolicyAction} submitLabel="Save policy" pendingLabel="Saving…" testId="policy-form" hidden={{ teamId }}>
      {/* Keyed on the saved policy, so the editor starts again from it once the page is refreshed. */}
      {(state) => <PolicySteps key={JSON.stringify(policy)} policy={policy} contacts={contacts} state={state} />}
    </ActionForm>
  );
}

function PolicySteps({ policy, contacts, state }: { policy: EscalationPolicy; contacts: ContactChoice[]; state: ActionResult<unknown> | null }) {
  const [steps, setSteps] = useState(() => policy.steps.map(draftOf));
  const [nextId, setNextId] = useState(policy.steps.length);
  const addStep = () => {
    setSteps([...steps, { id: nextId, afterMinutes: 5, teamLead: false, teamMembers: false, contactIds: [] }]);
    setNextId(nextId + 1);
  };
  return (
    <div className="grid gap-4">
      <ol className="grid gap-3">
        {steps.map((step, index) => (
          <li key={step.id} className="rounded-md border border-slate-200 p-3" data-testid={`policy-step-${index}`}>
            <fieldset className="grid gap-3 sm:grid-cols-[12rem_1fr]">
              <legend className="mb-2 text-sm font-semibold">Step {index + 1}</legend>
              <Field
                id={`step-${step.id}-after`}
                label={index === 0 ? "Minutes after declaration" : "Minutes after the previous step"}
                name={`steps.${index}.afterMinutes`}
                type="number"
                min={0}
                max={1440}
                defaultValue={step.afterMinutes}
                state={state}
              />
              <div className="grid gap-2">
                <div className="flex flex-wrap gap-4 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name={`steps.${index}.teamLead`} defaultChecked={step.teamLead} /> Team lead
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name={`steps.${index}.teamMembers`} defaultChecked={step.teamMembers} /> All members
                  </label>
                </div>
                <FieldFrame id={`step-${step.id}-contacts`} name={`steps.${index}.contactIds`} label="Contacts" state={state}>
                  {(control) => (
                    <select multiple name={`steps.${index}.contactIds`} defaultValue={step.contactIds} size={Math.min(5, contacts.length)} className={controlClass} {...control}>
                      {contacts.map((contact) => (
                        <option key={contact.id} value={contact.id}>
                          {contact.label}
                        </option>
                      ))}
                    </select>
                  )}
                </FieldFrame>
                <FieldErrorText state={state} name={`steps.${index}.targets`} />
              </div>
            </fieldset>
            <button type="button" className="mt-2 text-sm text-red-700 underline" onClick={() => setSteps(steps.filter((other) => other.id !== step.id))}>
              Remove step {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <FieldErrorText state={state} name="steps" />
      <div>
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" onClick={addStep} disabled={steps.length >= 10}>
          Add step
        </button>
      </div>
      <Field
        id="policy-repeat-count"
        label="Repeat count: times the whole chain runs again while nobody acknowledges"
        name="repeatCount"
        type="number"
        min={0}
        max={10}
        defaultValue={policy.repeatCount}
        state={state}
      />
    </div>
  );
}
