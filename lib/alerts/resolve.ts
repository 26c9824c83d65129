import { systemActor } from "@/lib/timeline/actor";
import type { Tx } from "@/lib/db/client";
import { resolveIncidentIn } from "@/lib/command/lifecycle";
import { incidentTimeline } from "@/lib/incidents/events";
import { lockIncident } from "@/lib/timeline/incident";
import { canTransition, type IncidentStatus } from "@/lib/incidents/rules";
import { ALERTMANAGER, type KeyedAlert } from "./open";

/**
 * An alert's first "resolved": a note on its incident's timeline and, when the operator turned
 * that on, the incident's resolution, unless someone already resolved or closed it.
 */
export async function noteAlertResolved(tx: Tx, keyed: KeyedAlert, incidentId: string, resolvedAt: Date, resolveIncident: boolean, now: Date) {
  const incident = await lockIncident(tx, incidentId);
  const when = resolvedAt.toISOString();
  await incidentTimeline.record(tx, {
    incident,
    actor: systemActor(ALERTMANAGER),
    kind: "note",
    body: `${ALERTMANAGER}: ${keyed.alertName} resolved at ${when}`,
    data: { source: "alertmanager", alertname: keyed.alertName, fingerprint: keyed.fingerprint, startsAt: keyed.startsAt.toISOString(), endsAt: when },
    at: now,
  });
  if (!resolveIncident || !canTransition("resolve", incident.status as IncidentStatus)) return;
  await resolveIncidentIn(
    tx,
    { incidentId, resolution: `${ALERTMANAGER} reported ${keyed.alertName} resolved at ${when}.`, prevention: "", followUp: "" },
    systemActor(ALERTMANAGER),
    now,
  );
}
