import type { Db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import type { PostmortemStatus } from "@/lib/postmortems/document/queries";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";

// What the action item tests stand on: the incident world and post-mortems made directly, one section each.

export async function actionItemWorld(db: Db) {
  const world = await freshIncidentWorld(db);
  const owner = await db.user.create({ data: { email: "owner@example.test", name: "Olga Owner", role: "responder", passwordHash: "-" }, select: { id: true } });
  return { ...world, owner, postmortem: (title: string, status: PostmortemStatus = "draft") => createPostmortem(db, world, title, status) };
}

export type ActionItemWorld = Awaited<ReturnType<typeof actionItemWorld>>;

async function createPostmortem(db: Db, world: IncidentWorld, title: string, status: PostmortemStatus) {
  const input = { title, severityId: world.severities.high, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" };
  const incident = await declareIncident(db, input, world.users.commander);
  return db.postmortem.create({
    data: { incidentId: incident.id, title: `Post-mortem: ${title}`, status, sections: { create: [{ position: 0, heading: "Incident Overview", body: "" }] } },
    select: { id: true, incidentId: true },
  });
}
