import type { IncidentListener } from "@/lib/incidents/listeners";
import { startEscalations, stopEscalations } from "@/lib/paging/escalation/escalations";
import { notifyEngaged } from "@/lib/paging/delivery/notify";
import { queuePagingStart } from "@/lib/paging/escalation/queued-start";

/** What paging does as an incident changes: page on declaration, stop on acknowledgement, tell those engaged. */
export const pagingListener: IncidentListener = {
  async onDeclared(tx, incident, { severityId, systemIds, at, paging }) {
    if (paging === "queued") await queuePagingStart(tx, incident.id);
    else await startEscalations(tx, incident, severityId, systemIds, at);
  },
  async onAcknowledged(tx, incident, at) {
    await stopEscalations(tx, incident.id, "acknowledged", at);
  },
  async onMitigated(tx, incident, at) {
    await stopEscalations(tx, incident.id, "ended", at);
  },
  async onResolved(tx, incident, { eventId, at }) {
    await stopEscalations(tx, incident.id, "ended", at);
    await notifyEngaged(tx, incident, { kind: "resolution", eventId, at });
  },
  async onStatusUpdate(tx, incident, { eventId, update, at }) {
    await notifyEngaged(tx, incident, { kind: "update", eventId, update, at });
  },
};
