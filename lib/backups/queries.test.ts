import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { reportBackup } from "@/test/backup-fixtures";
import { checkBackupFreshness } from "./freshness";
import { listBackupSystems, listRecentReports } from "./queries";

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const hoursBefore = (hours: number) => new Date(t0.getTime() - hours * 3_600_000);

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

describe("listBackupSystems", () => {
  it("gives every system its last good backup, a trend of each day's last good one, oldest first, and its open staleness incident", async () => {
    const { bridge } = world.systems;
    for (let hours = 40; hours >= 1; hours -= 1) await reportBackup(db, bridge.id, hoursBefore(hours), { sizeBytes: BigInt(1000 + (40 - hours)) });
    await reportBackup(db, bridge.id, hoursBefore(0.5), { status: "failed", sizeBytes: 1n, verified: false });
    await checkBackupFreshness(db, t0);

    const [bridgeRow, monitoringRow] = await listBackupSystems();
    expect(bridgeRow).toMatchObject({
      key: "bridge",
      name: "Bridge Infrastructure",
      lastGood: { status: "succeeded", sizeBytes: 1039, finishedAt: hoursBefore(1).toISOString(), verified: true, encrypted: true, kind: "database" },
      staleIncident: { reference: expect.stringMatching(/^INC-\d+$/), title: "Backups of Bridge Infrastructure are older than the RPO" },
    });
    // 40 hourly backups up to 09:00 on 1 March: the last of 27 February, of 28 February, and of 1 March.
    expect(bridgeRow!.trend).toEqual([
      { finishedAt: hoursBefore(35).toISOString(), sizeBytes: 1005 },
      { finishedAt: hoursBefore(11).toISOString(), sizeBytes: 1029 },
      { finishedAt: hoursBefore(1).toISOString(), sizeBytes: 1039 },
    ]);
    expect(monitoringRow).toMatchObject({ key: "monitoring", lastGood: null, trend: [], staleIncident: null });
  });
});

describe("listRecentReports", () => {
  it("lists the latest 50 reports across systems, newest first, failed ones included", async () => {
    const { bridge, monitoring } = world.systems;
    for (let hours = 60; hours >= 1; hours -= 1) await reportBackup(db, hours % 2 ? bridge.id : monitoring.id, hoursBefore(hours));
    await reportBackup(db, monitoring.id, hoursBefore(0.5), { status: "failed" });

    const reports = await listRecentReports();
    expect(reports).toHaveLength(50);
    expect(reports[0]).toMatchObject({ status: "failed", system: { key: "monitoring", name: "Monitoring Systems" }, finishedAt: hoursBefore(0.5).toISOString() });
    expect(reports[49]!.finishedAt).toBe(hoursBefore(49).toISOString());
  });
});
