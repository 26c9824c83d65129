import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { reportBackup } from "@/test/backup-fixtures";
import { lastGoodBackupBefore } from "./last-good-backup";

let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

describe("lastGoodBackupBefore", () => {
  it("is null without systems, or when none of them has a good backup by then", async () => {
    const { bridge } = world.systems;
    expect(await lastGoodBackupBefore(db, [], t0)).toBeNull();
    expect(await lastGoodBackupBefore(db, [bridge.id], t0)).toBeNull();
    await reportBackup(db, bridge.id, at(-5), { status: "failed" });
    await reportBackup(db, bridge.id, at(1));
    expect(await lastGoodBackupBefore(db, [bridge.id], t0)).toBeNull();
  });

  it("takes each system's latest succeeded backup at or before the moment, ignoring failed and later ones", async () => {
    const { bridge } = world.systems;
    await reportBackup(db, bridge.id, at(-30));
    await reportBackup(db, bridge.id, at(-10));
    await reportBackup(db, bridge.id, at(-2), { status: "failed" });
    await reportBackup(db, bridge.id, at(3));
    expect(await lastGoodBackupBefore(db, [bridge.id], t0)).toEqual({ systemId: bridge.id, finishedAt: at(-10) });
    // Finished exactly then counts.
    expect(await lastGoodBackupBefore(db, [bridge.id], at(3))).toEqual({ systemId: bridge.id, finishedAt: at(3) });
  });

  it("answers with the stalest system's last good backup, leaving out systems that have none", async () => {
    const { bridge, monitoring } = world.systems;
    const never = await db.system.create({ data: { key: "never-backed-up", name: "Never backed up" } });
    await reportBackup(db, bridge.id, at(-4));
    await reportBackup(db, monitoring.id, at(-50));
    await reportBackup(db, monitoring.id, at(-20));
    expect(await lastGoodBackupBefore(db, [bridge.id, monitoring.id, never.id], t0)).toEqual({ systemId: monitoring.id, finishedAt: at(-20) });
    expect(await lastGoodBackupBefore(db, [bridge.id, never.id], t0)).toEqual({ systemId: bridge.id, finishedAt: at(-4) });
  });
});
