"use client";

import {
  acknowledgeIncidentAction,
  addNoteAction,
  assignIncidentRoleAction,
  changeSeverityAction,
  closeIncidentAction,
  mitigateIncidentAction,
  postStatusUpdateAction,
  reopenIncidentAction,
  resolveIncidentAction,
} from "@/lib/command/actions";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { ETA_MAX_LENGTH, NOTE_MAX_LENGTH, REASON_MAX_LENGTH, RESOLUTION_TEXT_MAX_LENGTH, UPDATE_TEXT_MAX_LENGTH } from "@/lib/incidents/schemas";
import { incidentKeys } from "@/lib/live/query-keys";
import { canTransition, INCIDENT_ROLES, incidentRoleLabel, TRANSITIONS } from "@/lib/incidents/rules";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/define-action";
import { Panel } from "@/components/ui/panel";
import { TextArea } from "@/components/ui/text-area";

export interface ActionChoices {
  severities: { id: string; key: string }[];
  people: { id: string; name: string; role: Role }[];
}

const formProps = (incidentId: string) => ({ invalidates: incidentKeys.all, hidden: { incidentId } });

const allowedFor = (incident: IncidentDetail, role: Role) => (transition: keyof typeof TRANSITIONS) =>
  canTransition(transition, incident.status) && hasRole(role, TRANSITIONS[transition].role);

/**
 * The responder's one tap, at the top of the incident: full width and 48 px tall on a phone. Sent
 * when the connection returns if pressed offline.
 */
export function AcknowledgeButton({ incident, role }: { incident: IncidentDetail; role: Role }) {
  if (!allowedFor(incident, role)("acknowledge")) return null;
  return (
    <ActionForm
      {...formProps(incident.id)}
      action={acknowledgeIncidentAction}
      submitLabel="Acknowledge"
      pendingLabel="Acknowledging…"
      testId="acknowledge-form"
      offline="queue"
      size="large"
    />
  );
}

/**
 * Where the conversation is written, under the timeline: a note, and while the incident is open, a
 * status update. Both keep their text offline and are sent when the connection returns.
 */
export function IncidentComposer({ incident, role }: { incident: IncidentDetail; role: Role }) {
  if (!hasRole(role, "responder")) return null;
  const common = formProps(incident.id);
  const open = incident.status !== "resolved" && incident.status !== "closed";
  return (
    <div className="grid gap-4 border-t border-slate-200 pt-4" data-testid="composer">
      <ActionForm {...common} action={addNoteAction} submitLabel="Add note" pendingLabel="Adding…" testId="note-form" offline="queue">
        {(state) => <TextArea label="Note" name="body" state={state} hint="Markdown is supported." rows={3} maxLength={NOTE_MAX_LENGTH} />}
      </ActionForm>
      {open && (
        <details className="rounded-md border border-slate-200 p-3" data-testid="status-update">
          <summary className="cursor-pointer text-sm font-medium">Post a status update</summary>
          <ActionForm {...common} action={postStatusUpdateAction} submitLabel="Post update" pendingLabel="Posting…" testId="status-update-form" offline="queue" className="mt-3">
            {(state) => (
              <>
                <TextArea label="Progress" name="progress" state={state} maxLength={UPDATE_TEXT_MAX_LENGTH} />
                <TextArea label="Next steps" name="nextSteps" state={state} maxLength={UPDATE_TEXT_MAX_LENGTH} />
                <Field label="ETA" name="eta" state={state} placeholder="e.g. 14:30 UTC, or unknown" maxLength={ETA_MAX_LENGTH} />
              </>
            )}
          </ActionForm>
        </details>
      )}
    </div>
  );
}

/** Everything else a responder or commander does to the incident: its state, severity and roles. */
export function IncidentActions({ incident, role, choices }: { incident: IncidentDetail; role: Role; choices: ActionChoices }) {
  const common = formProps(incident.id);
  const allowed = allowedFor(incident, role);
  const open = incident.status !== "resolved" && incident.status !== "closed";

  if (!hasRole(role, "responder")) {
    return <p className="text-sm text-slate-600">You follow this incident as a viewer.</p>;
  }
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap gap-3">
        {allowed("mitigate") && (
          <ActionForm {...common} action={mitigateIncidentAction} submitLabel="Mark mitigated" pendingLabel="Saving…" testId="mitigate-form" tone="secondary" />
        )}
        {allowed("close") && <ActionForm {...common} action={closeIncidentAction} submitLabel="Close incident" pendingLabel="Closing…" testId="close-form" tone="secondary" />}
      </div>

      {allowed("resolve") && (
        <Panel title="Resolve">
          <ActionForm {...common} action={resolveIncidentAction} submitLabel="Resolve incident" pendingLabel="Resolving…" testId="resolve-form">
            {(state) => (
              <>
                <TextArea label="Resolution" name="resolution" state={state} maxLength={RESOLUTION_TEXT_MAX_LENGTH} />
                <TextArea label="Prevention" name="prevention" state={state} maxLength={RESOLUTION_TEXT_MAX_LENGTH} />
                <TextArea label="Follow-up" name="followUp" state={state} maxLength={RESOLUTION_TEXT_MAX_LENGTH} />
                <Field label="Data loss (seconds)" name="dataLossSeconds" type="number" min={0} inputMode="numeric" state={state} />
              </>
            )}
          </ActionForm>
        </Panel>
      )}

      {allowed("reopen") && (
        <Panel title="Reopen">
          <ActionForm {...common} action={reopenIncidentAction} submitLabel="Reopen incident" pendingLabel="Reopening…" testId="reopen-form" tone="secondary">
            {(state) => <TextArea label="Reason for reopening" name="reason" state={state} rows={2} maxLength={REASON_MAX_LENGTH} />}
          </ActionForm>
        </Panel>
      )}

      {hasRole(role, "commander") && open && (
        <Panel title="Severity and roles">
          <div className="grid gap-6 lg:grid-cols-2">
            <ActionForm {...common} action={changeSeverityAction} submitLabel="Change severity" pendingLabel="Changing…" testId="severity-form" tone="secondary">
              {(state) => (
                <>
                  <Choice label="New severity" name="severityId" state={state} options={choices.severities.filter((s) => s.key !== incident.severity).map((s) => ({ value: s.id, label: s.key }))} />
                  <TextArea label="Reason for the change" name="reason" state={state} rows={2} maxLength={REASON_MAX_LENGTH} />
                </>
              )}
            </ActionForm>
            <ActionForm {...common} action={assignIncidentRoleAction} submitLabel="Assign role" pendingLabel="Assigning…" testId="role-form" tone="secondary">
              {(state) => (
                <>
                  <Choice label="Role" name="role" state={state} options={INCIDENT_ROLES.map((value) => ({ value, label: incidentRoleLabel[value] }))} />
                  <Choice label="Person" name="userId" state={state} options={choices.people.map((person) => ({ value: person.id, label: `${person.name} (${person.role})` }))} />
                </>
              )}
            </ActionForm>
          </div>
        </Panel>
      )}
    </div>
  );
}

function Choice({ label, name, options, state }: { label: string; name: string; options: { value: string; label: string }[]; state: ActionResult<unknown> | null }) {
  return (
    <FieldFrame id={`choice-${name}`} name={name} label={label} state={state}>
      {(control) => (
        <select name={name} defaultValue="" className={controlClass} {...control}>
          <option value="" disabled>
            Choose…
          </option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
