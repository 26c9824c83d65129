import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { postmortemTimeline } from "../timeline";
import { lockIncident } from "@/lib/timeline/incident";
import { type Actor } from "@/lib/timeline/actor";
import { incidentReference } from "@/lib/timeline/incident";
import { publishChange } from "@/lib/live/publish";
import { recordRevision } from "@/lib/postmortems/revisions/record";
import { fillTemplate, getPostmortemTemplate } from "@/lib/postmortems/template/template";
import { postmortemValues } from "./incident-facts";

const WRITABLE_STATUSES = new Set(["resolved", "closed"]);

/**
 * Starts the incident's post-mortem from the template, filled from the incident's record. One per
 * incident: asking again (or two people at once) returns the one that exists.
 */
export async function createPostmortem(db: Db, incidentId: string, actor: Actor, now = new Date()): Promise<{ id: string; created: boolean }> {
  return db.$transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const existing = await tx.postmortem.findUnique({ where: { incidentId }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
    if (!WRITABLE_STATUSES.has(incident.status)) throw new DomainError("Resolve the incident before writing its post-mortem.");

    // One after the other: a transaction is one connection, which runs one query at a time.
    const values = await postmortemValues(tx, incidentId);
    const template = await getPostmortemTemplate(tx);
    const postmortem = await tx.postmortem.create({
      data: {
        incidentId,
        title: `${incidentReference(incident.number)}: ${incident.title}`,
        createdById: actor.id,
        createdAt: now,
        sections: { create: fillTemplate(template, values).map((section, position) => ({ ...section, position, updatedById: actor.id, updatedAt: now })) },
      },
      select: { id: true },
    });
    await recordRevision(tx, postmortem.id, actor, now);
    await postmortemTimeline.record(tx, { incident, kind: "postmortem_created", actor, data: { postmortemId: postmortem.id }, at: now });
    await publishChange(tx, { topic: "postmortem", id: postmortem.id });
    return { id: postmortem.id, created: true };
  });
}
