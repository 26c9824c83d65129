import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkBackupFreshness } from "@/lib/backups/freshness";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import { DEMO_BACKUP_DAYS, reportDemoBackups, seedDemoBackups } from "./backups";
import { planSystems, seedDemo } from "./seed";

const now = new Date("2025-06-02T09:30:00Z");
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

beforeEach(async () => {
  await resetDatabase(db);
  await seedDemo(db, path.resolve("config"), { history: false });
});

describe("seedDemoBackups", () => {
  it("gives every demo system two weeks of growing backups, one failed, all within the RPO at the seed", async () => {
    const { reports } = await db.$transaction((tx) => seedDemoBackups(tx, { now }));
    expect(reports).toBe(planSystems.length * DEMO_BACKUP_DAYS * 4);

    for (const { key } of planSystems) {
      const backups = await db.backupReport.findMany({ where: { system: { key }, status: "succeeded" }, orderBy: { finishedAt: "asc" }, select: { finishedAt: true, sizeBytes: true } });
      const oldest = backups[0]!;
      const newest = backups[backups.length - 1]!;
      expect(now.getTime() - newest.finishedAt.getTime()).toBeLessThanOrEqual(150_000);
      expect(now.getTime() - oldest.finishedAt.getTime()).toBeGreaterThan((DEMO_BACKUP_DAYS - 1) * 86_400_000);
      expect(newest.sizeBytes).toBeGreaterThan(oldest.sizeBytes);
    }
    expect(await db.backupReport.findMany({ where: { status: "failed" }, select: { system: { select: { key: true } } } })).toEqual([{ system: { key: "bridge" } }]);

    expect(await checkBackupFreshness(db, now)).toEqual({ opened: [], closed: [] });
  });

  it("keeps reporting while the demo runs, so its systems stay within the RPO", async () => {
    await db.$transaction((tx) => seedDemoBackups(tx, { now }));
    expect(await reportDemoBackups(db, minutesLater(1))).toBeLessThan(planSystems.length);
    for (let minute = 2; minute <= 20; minute += 1) {
      await reportDemoBackups(db, minutesLater(minute));
      expect(await checkBackupFreshness(db, minutesLater(minute))).toEqual({ opened: [], closed: [] });
    }
    // Without the reporter the same systems would have gone stale.
    expect((await checkBackupFreshness(db, minutesLater(30))).opened).toHaveLength(planSystems.length);
  });

  it("reports nothing outside a seeded demo", async () => {
    const system = await db.system.findFirstOrThrow({ where: { key: planSystems[0]!.key } });
    await db.backupReport.create({
      data: { systemId: system.id, kind: "database", location: "/x", sizeBytes: 1n, checksum: "sha256:00", startedAt: now, finishedAt: now, encrypted: false, verified: true },
    });
    expect(await reportDemoBackups(db, minutesLater(60))).toBe(0);
  });
});
