"use server";

import { defineAction } from "@/lib/actions/define-action";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { addNote, assignIncidentRole, changeSeverity, postStatusUpdate } from "./changes";
import { declareIncident } from "./declare";
import { acknowledgeIncident, closeIncident, mitigateIncident, reopenIncident, resolveIncident } from "./lifecycle";
import { incidentReference, TRANSITIONS } from "./rules";
import {
  declareSchema,
  noteSchema,
  reopenSchema,
  resolveSchema,
  roleAssignmentSchema,
  severityChangeSchema,
  statusUpdateSchema,
  transitionSchema,
} from "./schemas";

const actor = (user: SessionUser) => ({ id: user.id, email: user.email, name: user.name });

export const declareIncidentAction = defineAction({
  name: "incidents.declare",
  role: "commander",
  input: declareSchema,
  async run(input, { user }) {
    const incident = await declareIncident(db, input, actor(user));
    return { id: incident.id, reference: incidentReference(incident.number) };
  },
  message: (incident) => `${incident.reference} declared.`,
});

export const acknowledgeIncidentAction = defineAction({
  name: "incidents.acknowledge",
  role: TRANSITIONS.acknowledge.role,
  input: transitionSchema,
  run: (input, { user }) => acknowledgeIncident(db, input.incidentId, actor(user)),
  message: "Acknowledged.",
});

export const mitigateIncidentAction = defineAction({
  name: "incidents.mitigate",
  role: TRANSITIONS.mitigate.role,
  input: transitionSchema,
  run: (input, { user }) => mitigateIncident(db, input.incidentId, actor(user)),
  message: "Marked mitigated.",
});

export const resolveIncidentAction = defineAction({
  name: "incidents.resolve",
  role: TRANSITIONS.resolve.role,
  input: resolveSchema,
  run: (input, { user }) => resolveIncident(db, input, actor(user)),
  message: "Resolved.",
});

export const closeIncidentAction = defineAction({
  name: "incidents.close",
  role: TRANSITIONS.close.role,
  input: transitionSchema,
  run: (input, { user }) => closeIncident(db, input.incidentId, actor(user)),
  message: "Closed.",
});

export const reopenIncidentAction = defineAction({
  name: "incidents.reopen",
  role: TRANSITIONS.reopen.role,
  input: reopenSchema,
  run: (input, { user }) => reopenIncident(db, input.incidentId, input.reason, actor(user)),
  message: "Reopened.",
});

export const changeSeverityAction = defineAction({
  name: "incidents.change-severity",
  role: "commander",
  input: severityChangeSchema,
  run: (input, { user }) => changeSeverity(db, input, actor(user)),
  message: "Severity changed.",
});

export const assignIncidentRoleAction = defineAction({
  name: "incidents.assign-role",
  role: "commander",
  input: roleAssignmentSchema,
  run: (input, { user }) => assignIncidentRole(db, input, actor(user)),
  message: "Role assigned.",
});

export const addNoteAction = defineAction({
  name: "incidents.add-note",
  role: "responder",
  input: noteSchema,
  run: (input, { user }) => addNote(db, input, actor(user)),
  message: "Note added.",
});

export const postStatusUpdateAction = defineAction({
  name: "incidents.status-update",
  role: "responder",
  input: statusUpdateSchema,
  run: (input, { user }) => postStatusUpdate(db, input, actor(user)),
  message: "Status update posted.",
});
