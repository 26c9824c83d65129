import type { IncidentListeners } from "@/lib/incidents/listeners";
import { pagingListener } from "@/lib/paging/incident-listener";

/** Every part of Firebreak that acts when an incident changes. */
export const incidentListeners: IncidentListeners = [pagingListener];
