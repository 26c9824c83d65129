"use server";

import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { addNote, assignIncidentRole, changeSeverity } from "@/lib/incidents/changes";
import { closeIncident, reopenIncident } from "@/lib/incidents/lifecycle";
import { TRANSITIONS } from "@/lib/incidents/rules";
import {
  declareSchema,
  noteSchema,
  reopenSchema,
  resolveSchema,
  roleAssignmentSchema,
  severityChangeSchema,
  statusUpdateSchema,
  transitionSchema,
} from "@/lib/incidents/schemas";
import { incidentReference } from "@/lib/timeline/incident";
import { acknowledgeIncident, declareIncident, mitigateIncident, postStatusUpdate, resolveIncident } from "./lifecycle";

export const declareIncidentAction = defineAction({
  name: "incidents.declare",
  role: "commander",
  input: declareSchema,
  async run(input, { user }) {
    const incident = await declareIncident(db, input, user);
    return { id: incident.id, reference: incidentReference(incident.number) };
  },
  message: (incident) => `${incident.reference} declared.`,
});

export const acknowledgeIncidentAction = defineAction({
  name: "incidents.acknowledge",
  role: TRANSITIONS.acknowledge.role,
  input: transitionSchema,
  run: (input, { user }) => acknowledgeIncident(db, input.incidentId, user),
  message: "Acknowledged.",
});

export const mitigateIncidentAction = defineAction({
  name: "incidents.mitigate",
  role: TRANSITIONS.mitigate.role,
  input: transitionSchema,
  run: (input, { user }) => mitigateIncident(db, input.incidentId, user),
  message: "Marked mitigated.",
});

export const resolveIncidentAction = defineAction({
  name: "incidents.resolve",
  role: TRANSITIONS.resolve.role,
  input: resolveSchema,
  run: (input, { user }) => resolveIncident(db, input, user),
  message: "Resolved.",
});

export const closeIncidentAction = defineAction({
  name: "incidents.close",
  role: TRANSITIONS.close.role,
  input: transitionSchema,
  run: (input, { user }) => closeIncident(db, input.incidentId, user),
  message: "Closed.",
});

export const reopenIncidentAction = defineAction({
  name: "incidents.reopen",
  role: TRANSITIONS.reopen.role,
  input: reopenSchema,
  run: (input, { user }) => reopenIncident(db, input.incidentId, input.reason, user),
  message: "Reopened.",
});

export const changeSeverityAction = defineAction({
  name: "incidents.change-severity",
  role: "commander",
  input: severityChangeSchema,
  run: (input, { user }) => changeSeverity(db, input, user),
  message: "Severity changed.",
});

export const assignIncidentRoleAction = defineAction({
  name: "incidents.assign-role",
  role: "commander",
  input: roleAssignmentSchema,
  run: (input, { user }) => assignIncidentRole(db, input, user),
  message: "Role assigned.",
});

export const addNoteAction = defineAction({
  name: "incidents.add-note",
  role: "responder",
  input: noteSchema,
  run: (input, { user }) => addNote(db, input, user),
  message: "Note added.",
});

export const postStatusUpdateAction = defineAction({
  name: "incidents.status-update",
  role: "responder",
  input: statusUpdateSchema,
  run: (input, { user }) => postStatusUpdate(db, input, user),
  message: "Status update posted.",
});
