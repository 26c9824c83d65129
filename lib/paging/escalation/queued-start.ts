import type { Db, Tx } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { lockIncident } from "@/lib/timeline/incident";
import { OPEN_STATUSES, type IncidentStatus } from "@/lib/incidents/rules";
import { startEscalations } from "./escalations";
import { pagingStartJob } from "@/lib/paging/jobs";

// Incidents that automation opens by the hundred (an alert storm) start paging in the worker, right
// after their transaction commits: the job is written in that transaction, so an incident that
// exists always gets paged, and the request that opened it does not wait for the fan-out.

// Ahead of the pages already queued: an incident's first pages matter more than anything in line.
const PAGING_START_PRIORITY = -20;

export async function queuePagingStart(tx: Tx, incidentId: string): Promise<void> {
  await enqueue(tx, pagingStartJob, { incidentId }, { jobKey: `${pagingStartJob.name}:${incidentId}`, priority: PAGING_START_PRIORITY });
}

/**
 * The job: starts the incident's escalations as a declaration would have, once. Nothing is paged for
 * an incident acknowledged, resolved or closed in the meantime.
 */
export async function startQueuedPaging(db: Db, incidentId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    if (incident.acknowledgedAt || !OPEN_STATUSES.includes(incident.status as IncidentStatus)) return;
    if ((await tx.escalation.count({ where: { incidentId } })) > 0) return;
    const { severityId, systems } = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { severityId: true, systems: { select: { systemId: true } } } });
    await startEscalations(tx, incident, severityId, systems.map((system) => system.systemId), now);
  });
}
