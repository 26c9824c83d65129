import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { freshIncidentWorld, type IncidentWorld } from "@/test/incident-fixtures";
import { reportBackup } from "@/test/backup-fixtures";
import { checkBackupFreshness } from "./freshness";
import { setStalenessSettings } from "./staleness-settings";

// The plan's RPO is five minutes.
let world: IncidentWorld;
const t0 = new Date("2026-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const admin = () => ({ id: world.users.admin.id, email: world.users.admin.email });

beforeEach(async () => {
  world = await freshIncidentWorld(db);
});

const stalenessIncidents = () =>
  db.incident.findMany({
    orderBy: { number: "asc" },
    select: {
      id: true,
      title: true,
      impact: true,
      declaredAt: true,
      declaredById: true,
      commanderId: true,
      severity: { select: { key: true } },
      systems: { select: { systemId: true } },
      backupStalenesses: { select: { startedAt: true, endedAt: true, openSystemId: true } },
    },
  });

const notes = (incidentId: string) =>
  db.incidentEvent.findMany({ where: { incidentId, kind: "note" }, select: { body: true, actorId: true, createdAt: true }, orderBy: { id: "asc" } });

describe("checkBackupFreshness", () => {
  it("opens one incident per staleness episode and notes the recovery on it", async () => {
    const { bridge, monitoring } = world.systems;
    await reportBackup(db, bridge.id, t0);

    expect(await checkBackupFreshness(db, at(4))).toEqual({ opened: [], closed: [] });
    expect(await checkBackupFreshness(db, at(6))).toEqual({ opened: [bridge.id], closed: [] });
    // Still stale a minute later: the same episode, no second incident.
    expect(await checkBackupFreshness(db, at(7))).toEqual({ opened: [], closed: [] });

    const [first] = await stalenessIncidents();
    expect(first).toMatchObject({
      title: "Backups of Bridge Infrastructure are older than the RPO",
      declaredAt: at(6),
      declaredById: null,
      commanderId: null,
      severity: { key: "high" },
      systems: [{ systemId: bridge.id }],
      backupStalenesses: [{ startedAt: at(5), endedAt: null, openSystemId: bridge.id }],
    });
    expect(first!.impact).toContain("finished 6m 00s ago");
    expect(first!.impact).toContain("RPO of 5 minutes");
    const declared = await db.incidentEvent.findFirstOrThrow({ where: { incidentId: first!.id, kind: "declared" }, select: { actorId: true } });
    expect(declared.actorId).toBeNull();
    expect(await db.auditEntry.findFirst({ where: { action: "incident.declared", targetId: first!.id }, select: { actorId: true, actorLabel: true } })).toEqual({
      actorId: null,
      actorLabel: "Firebreak",
    });
    // Declared like any other incident: the owning team is paged.
    expect(await db.escalation.count({ where: { incidentId: first!.id } })).toBeGreaterThan(0);

    await reportBackup(db, bridge.id, at(8));
    expect(await checkBackupFreshness(db, at(8.5))).toEqual({ opened: [], closed: [bridge.id] });
    expect(await checkBackupFreshness(db, at(9))).toEqual({ opened: [], closed: [] });
    expect(await notes(first!.id)).toEqual([
      { body: "Fresh backup of Bridge Infrastructure finished at 1 Mar 2026, 10:08 UTC; backups are within the RPO again.", actorId: null, createdAt: at(8.5) },
    ]);

    // Stale again later: a new episode and a second incident.
    expect(await checkBackupFreshness(db, at(14))).toEqual({ opened: [bridge.id], closed: [] });
    const incidents = await stalenessIncidents();
    expect(incidents).toHaveLength(2);
    expect(incidents[0]!.backupStalenesses).toEqual([{ startedAt: at(5), endedAt: at(8.5), openSystemId: null }]);
    expect(incidents[1]).toMatchObject({ declaredAt: at(14), backupStalenesses: [{ startedAt: at(13), endedAt: null, openSystemId: bridge.id }] });
    // A system that never reported a good backup is not watched.
    expect(await db.backupStaleness.count({ where: { systemId: monitoring.id } })).toBe(0);
  });

  it("lets two workers check at once and still opens a single incident", async () => {
    await reportBackup(db, world.systems.bridge.id, t0);
    const checks = await Promise.all([checkBackupFreshness(db, at(6)), checkBackupFreshness(db, at(6)), checkBackupFreshness(db, at(6))]);
    expect(checks.flatMap((check) => check.opened)).toEqual([world.systems.bridge.id]);
    expect(await db.incident.count()).toBe(1);
    expect(await db.backupStaleness.count()).toBe(1);
  });

  it("counts only succeeded backups, and watches systems whose reports all failed not at all", async () => {
    const { bridge, monitoring } = world.systems;
    await reportBackup(db, bridge.id, t0);
    await reportBackup(db, bridge.id, at(4), { status: "failed" });
    await reportBackup(db, monitoring.id, at(4), { status: "failed" });
    expect(await checkBackupFreshness(db, at(6))).toEqual({ opened: [bridge.id], closed: [] });
    expect(await db.backupStaleness.count({ where: { systemId: monitoring.id } })).toBe(0);
  });

  it("opens the incident with the severity an admin chose, and refuses a severity the plan does not have", async () => {
    await setStalenessSettings(db, { severityKey: "critical" }, admin());
    await reportBackup(db, world.systems.bridge.id, t0);
    await checkBackupFreshness(db, at(6));
    expect((await stalenessIncidents())[0]!.severity.key).toBe("critical");

    const refused = setStalenessSettings(db, { severityKey: "apocalyptic" }, admin());
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { severityKey: ["Severity must be one of the configured severity levels"] } });
    expect(await db.setting.findUnique({ where: { key: "backups.staleness" }, select: { value: true } })).toEqual({ value: { severityKey: "critical" } });
    expect(await db.auditEntry.count({ where: { action: "settings.backup_staleness_changed" } })).toBe(1);
  });

  it("follows the RPO setting", async () => {
    await db.setting.create({ data: { key: "recovery.objectives", value: { rtoSeconds: 4 * 3600, rpoSeconds: 3600, mtdSeconds: 8 * 3600 } } });
    await reportBackup(db, world.systems.bridge.id, t0);
    expect(await checkBackupFreshness(db, at(59))).toEqual({ opened: [], closed: [] });
    expect(await checkBackupFreshness(db, at(61))).toEqual({ opened: [world.systems.bridge.id], closed: [] });
  });
});
