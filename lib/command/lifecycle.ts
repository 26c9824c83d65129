import * as changes from "@/lib/incidents/changes";
import * as declare from "@/lib/incidents/declare";
import * as lifecycle from "@/lib/incidents/lifecycle";
import type { IncidentListeners } from "@/lib/incidents/listeners";
import { incidentListeners } from "./listeners";

// The incident lifecycle with its listeners: what a commander, an alert or a stale backup calls to
// declare, acknowledge, mitigate, resolve or update an incident, and paging follows.

const told =
  <Args extends unknown[], Result>(operation: (listeners: IncidentListeners, ...args: Args) => Result) =>
  (...args: Args): Result =>
    operation(incidentListeners, ...args);

export const declareIncident = told(declare.declareIncident);
export const declareIncidentIn = told(declare.declareIncidentIn);
export const acknowledgeIncident = told(lifecycle.acknowledgeIncident);
export const mitigateIncident = told(lifecycle.mitigateIncident);
export const resolveIncident = told(lifecycle.resolveIncident);
export const resolveIncidentIn = told(lifecycle.resolveIncidentIn);
export const postStatusUpdate = told(changes.postStatusUpdate);
