import type { Db, Tx } from "@/lib/db/client";
import type { KeyedAlert } from "./open";

/** One more receipt of a known alert, maybe its first resolution. */
export interface Receipt {
  fingerprint: string;
  startsAt: string;
  labels: Record<string, string>;
  resolvedAt: string | null;
}

export const receipt = (keyed: KeyedAlert, resolvedAt: Date | null = null): Receipt => ({
  fingerprint: keyed.fingerprint,
  startsAt: keyed.startsAt.toISOString(),
  labels: keyed.alert.labels,
  resolvedAt: resolvedAt?.toISOString() ?? null,
});

/**
 * Counts known alerts again (and records first resolutions) in one statement, locking the rows in
 * key order so that two requests never deadlock. With `allOrNothing`, changes nothing unless every
 * alert is already known; returns how many rows it changed.
 */
export async function countReceipts(db: Db | Tx, receipts: Receipt[], now: Date, allOrNothing: boolean): Promise<number> {
  if (receipts.length === 0) return 0;
  // Timestamps travel as UTC ISO text: a timestamp column drops the "Z", which is how Prisma stores UTC.
  return db.$executeRaw`
    WITH u AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(receipts)}::jsonb) AS u(fingerprint text, "startsAt" timestamp(3), labels jsonb, "resolvedAt" timestamp(3))
    ), locked AS (
      SELECT fingerprint FROM "AlertIncident" JOIN u USING (fingerprint, "startsAt") ORDER BY fingerprint, "startsAt" FOR UPDATE OF "AlertIncident"
    )
    UPDATE "AlertIncident" AS row SET
      "receivedCount" = row."receivedCount" + 1,
      "lastReceivedAt" = ${now.toISOString()}::timestamp(3),
      labels = u.labels,
      status = CASE WHEN u."resolvedAt" IS NULL THEN row.status ELSE 'resolved' END,
      "resolvedAt" = COALESCE(u."resolvedAt", row."resolvedAt")
    FROM u
    WHERE row.fingerprint = u.fingerprint AND row."startsAt" = u."startsAt"
      AND (SELECT count(*) FROM locked) >= ${allOrNothing ? receipts.length : 0}`;
}
