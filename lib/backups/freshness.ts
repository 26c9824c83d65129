import { systemActor } from "@/lib/timeline/actor";
import { randomUUID } from "node:crypto";
import { formatDuration } from "@/lib/config/duration";
import type { Db } from "@/lib/db/client";
import { declareIncidentIn } from "@/lib/command/lifecycle";
import { formatSpan, formatTimestamp } from "@/lib/format/time";
import { getObjectives } from "@/lib/incidents/objectives";
import { incidentTimeline } from "@/lib/incidents/events";
import { lockIncident } from "@/lib/timeline/incident";
import { freshnessOf } from "./freshness-level";
import { latestGoodBackups } from "@/lib/incidents/last-good-backup";
import { stalenessSeverity } from "./staleness-settings";

export const BACKUP_FRESHNESS_TASK = "backup-freshness";

// Who opens and notes staleness incidents, in the audit log and on the timeline.
const FIREBREAK = "Firebreak";

export interface FreshnessCheck {
  /** Systems whose backups went stale: one new episode and incident each. */
  opened: string[];
  /** Systems whose open episode a fresh backup ended. */
  closed: string[];
}

/**
 * The every-minute check: a system whose last good backup is older than the RPO gets one staleness
 * episode and one incident until a fresh backup ends it. Systems that never reported a good backup
 * are not watched; a backup reported as finishing after `now` (a skewed clock) does not count yet.
 * `now` is a parameter so tests can move the clock.
 */
export async function checkBackupFreshness(db: Db, now = new Date()): Promise<FreshnessCheck> {
  const { rpoSeconds } = await getObjectives(db);
  const systems = await db.system.findMany({ select: { id: true } });
  const latest = await latestGoodBackups(db, systems.map((system) => system.id), now);
  const open = await db.backupStaleness.findMany({ where: { endedAt: null }, select: { id: true, systemId: true } });
  const openBySystem = new Map(open.map((episode) => [episode.systemId, episode.id]));

  const check: FreshnessCheck = { opened: [], closed: [] };
  for (const { systemId, finishedAt: lastGoodAt } of latest) {
    const stale = freshnessOf((now.getTime() - lastGoodAt.getTime()) / 1000, rpoSeconds) === "red";
    const episodeId = openBySystem.get(systemId);
    if (stale && !episodeId && (await openEpisode(db, systemId, lastGoodAt, rpoSeconds, now))) check.opened.push(systemId);
    if (!stale && episodeId && (await closeEpisode(db, episodeId, lastGoodAt, now))) check.closed.push(systemId);
  }
  return check;
}

/** The episode and its incident together; false when another worker opened the episode first. */
async function openEpisode(db: Db, systemId: string, lastGoodAt: Date, rpoSeconds: number, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const id = randomUUID();
    // One open episode per system (unique openSystemId): a concurrent check inserts nothing here,
    // after waiting for the first to commit, and so opens no second incident.
    const inserted = await tx.backupStaleness.createMany({
      data: { id, systemId, openSystemId: systemId, startedAt: new Date(lastGoodAt.getTime() + rpoSeconds * 1000) },
      skipDuplicates: true,
    });
    if (inserted.count === 0) return false;

    const system = await tx.system.findUniqueOrThrow({ where: { id: systemId }, select: { name: true } });
    const severity = await stalenessSeverity(tx);
    const age = formatSpan((now.getTime() - lastGoodAt.getTime()) / 1000);
    const incident = await declareIncidentIn(
      tx,
      {
        title: `Backups of ${system.name} are older than the RPO`,
        severityId: severity.id,
        systemIds: [systemId],
        impact: `The last good backup of ${system.name} finished ${age} ago (${formatTimestamp(lastGoodAt.toISOString())}), beyond the RPO of ${formatDuration(rpoSeconds)}: data written since then would be lost if ${system.name} failed now.`,
        description: "Opened by Firebreak's backup freshness check. A note is added here when a fresh backup arrives.",
      },
      systemActor(FIREBREAK),
      now,
    );
    await tx.backupStaleness.update({ where: { id }, data: { incidentId: incident.id } });
    return true;
  });
}

/** Ends the episode and notes the recovery on its incident; false when another worker ended it first. */
async function closeEpisode(db: Db, episodeId: string, lastGoodAt: Date, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const closed = await tx.backupStaleness.updateMany({ where: { id: episodeId, endedAt: null }, data: { endedAt: now, openSystemId: null } });
    if (closed.count === 0) return false;
    const episode = await tx.backupStaleness.findUniqueOrThrow({ where: { id: episodeId }, select: { incidentId: true, system: { select: { name: true } } } });
    if (episode.incidentId) {
      const incident = await lockIncident(tx, episode.incidentId);
      await incidentTimeline.record(tx, {
        incident,
        actor: systemActor(FIREBREAK),
        kind: "note",
        body: `Fresh backup of ${episode.system.name} finished at ${formatTimestamp(lastGoodAt.toISOString())}; backups are within the RPO again.`,
        data: { system: episode.system.name, lastGoodAt: lastGoodAt.toISOString() },
        at: now,
      });
    }
    return true;
  });
}
