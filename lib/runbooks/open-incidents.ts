import "server-only";
import type { Db } from "@/lib/db/client";
import { OPEN_STATUSES } from "@/lib/incidents/rules";
import { incidentReference } from "@/lib/timeline/incident";

/** The incidents a run launched from the runbooks page may be linked to: the open ones, newest first. */
export async function listOpenIncidents(db: Db) {
  const incidents = await db.incident.findMany({
    where: { status: { in: [...OPEN_STATUSES] } },
    select: { id: true, number: true, title: true },
    orderBy: { declaredAt: "desc" },
    take: 100,
  });
  return incidents.map((incident) => ({ id: incident.id, reference: incidentReference(incident.number), title: incident.title }));
}
export type OpenIncident = Awaited<ReturnType<typeof listOpenIncidents>>[number];
