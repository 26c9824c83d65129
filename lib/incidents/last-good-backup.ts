import type { Db, Tx } from "@/lib/db/client";

export interface LastGood {
  systemId: string;
  finishedAt: Date;
}

/**
 * Each given system's latest succeeded backup finished at or before `before`, for those that have
 * one: one index lookup per system, however many reports the table holds.
 */
export async function latestGoodBackups(db: Db | Tx, systemIds: string[], before: Date): Promise<LastGood[]> {
  if (systemIds.length === 0) return [];
  return db.$queryRaw<LastGood[]>`
    SELECT system.id AS "systemId", latest."finishedAt"
      FROM unnest(${systemIds}::uuid[]) AS system(id)
      CROSS JOIN LATERAL (
        SELECT report."finishedAt" FROM "BackupReport" report
         WHERE report."systemId" = system.id AND report.status = 'succeeded' AND report."finishedAt" <= ${before}::timestamp
         ORDER BY report."finishedAt" DESC
         LIMIT 1
      ) latest`;
}

/**
 * The oldest of the given systems' latest succeeded backups finished at or before `before`, among
 * those systems that have one: data lost in an incident is bounded by its stalest system.
 * null when none of them has a good backup by then.
 */
export async function lastGoodBackupBefore(db: Db | Tx, systemIds: string[], before: Date): Promise<LastGood | null> {
  const latest = await latestGoodBackups(db, systemIds, before);
  return latest.reduce<LastGood | null>((stalest, row) => (!stalest || row.finishedAt < stalest.finishedAt ? row : stalest), null);
}
