import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import { resolveIncident } from "@/lib/command/lifecycle";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { reportBackup } from "@/test/backup-fixtures";
import { dataLossEstimate } from "./data-loss";

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

function declareAffecting(systemIds: string[]) {
  return declareIncident(
    db,
    { title: "Bridge database corrupted", severityId: world.severities.critical, systemIds, impact: "Deposits are not credited", description: "" },
    world.users.commander,
    t0,
  );
}

function resolve(incidentId: string, dataLossSeconds?: number) {
  return resolveIncident(db, { incidentId, resolution: "Restored from the last good backup", prevention: "", followUp: "", dataLossSeconds }, world.users.commander, at(90));
}

const stored = async (incidentId: string) => {
  const incident = await db.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { dataLossSeconds: true } });
  const event = await db.incidentEvent.findFirstOrThrow({ where: { incidentId, kind: "resolved" }, select: { data: true } });
  return { column: incident.dataLossSeconds, event: (event.data as { dataLossSeconds: unknown }).dataLossSeconds };
};

describe("data loss from the last good backup", () => {
  it("is measured from the stalest affected system's last good backup before declaration when the resolver gives none", async () => {
    const { bridge, monitoring } = world.systems;
    await reportBackup(db, bridge.id, at(-3));
    await reportBackup(db, monitoring.id, at(-12.5));
    await reportBackup(db, monitoring.id, at(-1), { status: "failed" });
    // After the declaration: not what the incident could have restored from.
    await reportBackup(db, monitoring.id, at(30));
    const incident = await declareAffecting([bridge.id, monitoring.id]);

    expect(await dataLossEstimate(db, incident.id)).toEqual({ seconds: 750, systemId: monitoring.id, lastGoodAt: at(-12.5) });
    await resolve(incident.id);
    expect(await stored(incident.id)).toEqual({ column: 750, event: 750 });
  });

  it("keeps what the resolver measured, zero included", async () => {
    await reportBackup(db, world.systems.bridge.id, at(-3));
    const incident = await declareAffecting([world.systems.bridge.id]);
    await resolve(incident.id, 0);
    expect(await stored(incident.id)).toEqual({ column: 0, event: 0 });
  });

  it("stays unknown without a good backup before declaration, or for an unknown incident", async () => {
    await reportBackup(db, world.systems.bridge.id, at(-3), { status: "failed" });
    const incident = await declareAffecting([world.systems.bridge.id]);
    expect(await dataLossEstimate(db, incident.id)).toBeNull();
    await resolve(incident.id);
    expect(await stored(incident.id)).toEqual({ column: null, event: null });
    expect(await dataLossEstimate(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
