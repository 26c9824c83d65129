import { systemActor } from "@/lib/timeline/actor";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncidentIn } from "@/lib/command/lifecycle";
import { declareIncident } from "@/lib/command/lifecycle";
import { resolveIncident } from "@/lib/command/lifecycle";
import { acknowledgeIncident } from "@/lib/command/lifecycle";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { pagingStartJob } from "@/lib/paging/jobs";
import { startQueuedPaging } from "./queued-start";

let world: IncidentWorld;
const t0 = new Date("2026-11-26T03:00:00Z");

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

const input = () => ({ title: "Bridge relayer stalled", severityId: world.severities.critical, systemIds: [world.systems.bridge.id], impact: "Withdrawals fail", description: "" });
const declareQueued = () => db.$transaction((tx) => declareIncidentIn(tx, input(), systemActor("Alertmanager"), t0, { paging: "queued" }));
const pagesOf = (incidentId: string) =>
  db.page.findMany({ where: { incidentId }, orderBy: [{ recipient: "asc" }, { channel: "asc" }], select: { recipient: true, channel: true, step: true, round: true, body: true } });
const startJobs = () =>
  db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${pagingStartJob.name}`.then(
    (rows) => Number(rows[0]!.count),
  );

describe("queued paging start", () => {
  it("commits the incident with its paging job and no pages; the job then pages as a declaration would, once", async () => {
    const queued = await declareQueued();
    expect(await startJobs()).toBe(1);
    expect(await db.page.count({ where: { incidentId: queued.id } })).toBe(0);

    await startQueuedPaging(db, queued.id, t0);
    await startQueuedPaging(db, queued.id, t0);

    const inline = await declareIncident(db, input(), world.users.commander, t0);
    const strip = (pages: Awaited<ReturnType<typeof pagesOf>>) => pages.map(({ body, ...page }) => ({ ...page, mentions: body.includes("Withdrawals fail") }));
    expect((await pagesOf(queued.id)).length).toBeGreaterThan(5);
    expect(strip(await pagesOf(queued.id))).toEqual(strip(await pagesOf(inline.id)));
    expect(await db.escalation.count({ where: { incidentId: queued.id } })).toBe(await db.escalation.count({ where: { incidentId: inline.id } }));
  });

  it("pages nobody for an incident acknowledged or resolved before the job ran", async () => {
    const acknowledged = await declareQueued();
    await acknowledgeIncident(db, acknowledged.id, world.users.responder);
    const resolved = await declareQueued();
    await resolveIncident(db, { incidentId: resolved.id, resolution: "Flapped", prevention: "", followUp: "" }, world.users.commander);

    await startQueuedPaging(db, acknowledged.id);
    await startQueuedPaging(db, resolved.id);

    expect(await db.page.count()).toBe(0);
    expect(await db.escalation.count()).toBe(0);
  });
});
